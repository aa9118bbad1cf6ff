import { z } from 'zod';
import { ValidationDetail } from '../errors';
import { isValidIdempotencyKey } from '../ids';

/*
 * Headers and path parameters: each schema both parses the value a request sends and
 * documents it in the OpenAPI document.
 */

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IF_MATCH_HEADER = 'If-Match';

const IDEMPOTENCY_KEY_RULE = 'must be 1 to 200 visible ASCII characters';

/** An Idempotency-Key (also a batch item's `idempotencyKey`): one problem, one detail. */
export const idempotencyKeySchema = z
  .string({ error: IDEMPOTENCY_KEY_RULE })
  .min(1, { abort: true })
  .max(200, { abort: true })
  .refine(isValidIdempotencyKey)
  .describe('1 to 200 visible ASCII characters.')
  .optional();

const ENTITY_TAG = /^(?:\*|(?:W\/)?"?[1-9][0-9]{0,9}"?)$/;

/**
 * `If-Match: <revision>`, as a bare number or an entity tag (`"3"`, `W/"3"`), parsed to the
 * revision; `*`, or no header, means any revision (undefined).
 */
export const ifMatchSchema = z
  .string()
  .trim()
  .regex(ENTITY_TAG, 'must be a revision number, such as "2"')
  .transform((value) => (value === '*' ? undefined : Number(value.replace(/[^0-9]/g, ''))))
  .describe('`2`, `"2"` or `W/"2"`; `*` means any revision.')
  .optional();

/** A development's revision as the ETag that If-Match takes back. */
export function revisionEntityTag(revision: number): string {
  return `"${revision}"`;
}

/** A development's id in a path: any UUID-shaped id, in either case; lowercased, as ids are. */
export const developmentIdSchema = z.guid({ error: 'must be a UUID' }).toLowerCase();

export type ParsedParameter<Value> =
  { ok: true; value: Value } | { ok: false; detail: ValidationDetail };

/** One header or path parameter parsed by its schema; a problem is named after the parameter. */
export function parseParameter<Schema extends z.ZodType>(
  name: string,
  schema: Schema,
  value: unknown,
): ParsedParameter<z.output<Schema>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, detail: { path: name, message: parsed.error.issues[0].message } };
}
