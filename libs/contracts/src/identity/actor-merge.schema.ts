import { z } from 'zod';
import { ValidationDetail } from '../errors';
import { isIdSlug, slugify } from '../development/slug';
import { codePointLength, isStorableText } from '../development/text';
import { toDetails, Validated } from '../development/validate-development';

/** An actor id as a client sends it: NFC and NFD spellings are the same id. */
export function normalizeActorId(value: string): string {
  return value.normalize('NFC');
}

/** As long as an id a development may give (and a subject token can hold, percent-encoded). */
const MAX_ID_LENGTH = 200;

const actorId = z
  .string()
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`)
  .transform(normalizeActorId)
  .refine(isIdSlug, 'must be an actor id: the slug of a name, such as volodymyr-zelensky');

/** The body of a merge: the actor the one in the path is the same as. */
export const actorMergeSchema = z.strictObject({
  into: actorId,
  reason: z
    .string()
    .refine(isStorableText, 'must not contain U+0000 or an unpaired surrogate')
    .refine((value) => codePointLength(value) <= 2000, 'must be at most 2000 characters')
    .optional(),
});

export type ActorMergeInput = z.infer<typeof actorMergeSchema>;

export function validateActorMerge(body: unknown): Validated<ActorMergeInput> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const details: ValidationDetail[] = [{ path: '', message: 'must be a JSON object' }];
    return { ok: false, details };
  }
  const result = actorMergeSchema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, details: toDetails(result.error, body) };
}

/** An actor id from a path, normalized, or the problem with it (naming the slug it may mean). */
export function validateActorId(value: string, path = 'actorId'): Validated<string> {
  const id = normalizeActorId(value);
  if (id.length > MAX_ID_LENGTH) {
    return {
      ok: false,
      details: [{ path, message: `must be at most ${MAX_ID_LENGTH} characters` }],
    };
  }
  if (isIdSlug(id)) return { ok: true, value: id };
  const slug = slugify(value);
  const hint = slug && slug !== value ? ` (did you mean ${slug}?)` : '';
  return {
    ok: false,
    details: [{ path, message: `must be an actor id: the slug of a name${hint}` }],
  };
}
