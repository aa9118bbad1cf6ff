import { z } from 'zod';
import { isIdSlug, searchForms } from '@app/contracts';
import { cursorParameter, dateParameter, knownAtParameter, pageLimit } from '@app/http';
import { ACTOR_SORTS, decodeKeysetCursor } from '@app/read-model';

/** What `prefix` takes: 1 to 100 characters, with a letter or a digit among them. */
export const actorPrefixParameter = z
  .string()
  .min(1, { error: 'must be 1 to 100 characters', abort: true })
  .max(100, { error: 'must be 1 to 100 characters', abort: true })
  .refine((prefix) => searchForms(prefix).length > 0, 'must contain a letter or a digit');

export const actorsQuerySchema = z
  .strictObject({
    sort: z
      .enum(ACTOR_SORTS, { error: `must be one of ${ACTOR_SORTS.join(', ')}` })
      .default('name'),
    affiliation: z.string().refine(isIdSlug, 'must be an affiliation id').optional(),
    prefix: actorPrefixParameter.optional(),
    limit: pageLimit,
    cursor: cursorParameter(decodeKeysetCursor).optional(),
    knownAt: knownAtParameter.optional(),
  })
  .refine((query) => !query.cursor || query.cursor.sort === query.sort, {
    path: ['cursor'],
    message: 'was issued for another sort',
  });

export const actorPositionsQuerySchema = z.strictObject({
  topic: z.string().min(1).max(64).optional(),
  asOf: dateParameter.optional(),
  historyLimit: z.coerce
    .number()
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(100),
  knownAt: knownAtParameter.optional(),
});

export const actorQuerySchema = z.strictObject({ knownAt: knownAtParameter.optional() });

export const similarActorsQuerySchema = z.strictObject({
  limit: z.coerce
    .number()
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(50, 'must be at most 50')
    .default(10),
});

export const duplicateActorsQuerySchema = z
  .strictObject({
    limit: pageLimit,
    cursor: cursorParameter(decodeKeysetCursor).optional(),
  })
  .refine((query) => !query.cursor || query.cursor.sort === 'duplicates', {
    path: ['cursor'],
    message: 'was issued for another list',
  });
