import { z } from 'zod';
import { ValidationDetail } from '../errors';
import { codePointLength, isStorableText } from './text';
import { toDetails, Validated } from './validate-development';

/** The body of a retraction: why the development is withdrawn. */
export const retractionSchema = z.strictObject({
  reason: z
    .string()
    .refine(isStorableText, 'must not contain U+0000 or an unpaired surrogate')
    .refine((value) => value.trim().length > 0, 'must not be empty')
    .refine((value) => codePointLength(value) <= 2000, 'must be at most 2000 characters'),
});

export type Retraction = z.infer<typeof retractionSchema>;

export function validateRetraction(body: unknown): Validated<Retraction> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const details: ValidationDetail[] = [{ path: '', message: 'must be a JSON object' }];
    return { ok: false, details };
  }
  const result = retractionSchema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, details: toDetails(result.error, body) };
}
