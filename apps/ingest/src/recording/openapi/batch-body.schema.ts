import { z } from 'zod';
import { developmentInputBody, idempotencyKeySchema } from '@app/contracts';
import { MAX_BATCH_ITEMS } from '../batch/prepare-batch';

const keyedDevelopmentSchema = z
  .strictObject({
    idempotencyKey: idempotencyKeySchema,
    development: developmentInputBody,
  })
  .meta({
    id: 'KeyedDevelopment',
    description:
      'A development with the key it is recorded under, as an Idempotency-Key would give.',
  });

/** What splitBatch takes as JSON; each item is validated on its own. */
export const batchBodySchema = z
  .array(z.union([developmentInputBody, keyedDevelopmentSchema]))
  .min(1)
  .max(MAX_BATCH_ITEMS);

export const ndjsonBatchBodySchema = z
  .string()
  .describe(
    'One development, or one `{"idempotencyKey", "development"}`, per line; blank lines are skipped.',
  );
