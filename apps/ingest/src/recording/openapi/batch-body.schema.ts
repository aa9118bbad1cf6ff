import { z } from 'zod';
import { developmentInputBody, isValidIdempotencyKey } from '@app/contracts';
import { MAX_BATCH_ITEMS } from '../batch/prepare-batch';

export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(200)
  .refine(isValidIdempotencyKey)
  .describe('1 to 200 visible ASCII characters.');

const keyedDevelopmentSchema = z
  .strictObject({
    idempotencyKey: idempotencyKeySchema.optional(),
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
