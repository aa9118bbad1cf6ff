import { z } from 'zod';
import { isIdSlug, normalizeActorId, TOPIC_SLUG } from '@app/contracts';
import { cursorParameter } from '@app/http';
import { decodeChangesCursor } from '@app/read-model';

const sequenceParameter = z.coerce
  .number({ error: 'must be a log sequence' })
  .int('must be a log sequence')
  .min(0, 'must be a log sequence')
  .max(Number.MAX_SAFE_INTEGER, 'must be a log sequence');

export const changesQuerySchema = z.strictObject({
  after: sequenceParameter.default(0),
  until: sequenceParameter.optional(),
  actor: z.string().transform(normalizeActorId).refine(isIdSlug, 'must be an actor id').optional(),
  topic: z.string().regex(TOPIC_SLUG, 'must be a topic slug').optional(),
  limit: z.coerce
    .number()
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(100),
  cursor: cursorParameter(decodeChangesCursor).optional(),
});
