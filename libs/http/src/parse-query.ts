import { z } from 'zod';
import { toDetails } from '@app/contracts';
import { invalidQuery } from './api-error';

/** Validates a query string with a schema; every bad parameter is named in a 400. */
export function parseQuery<Schema extends z.ZodType>(
  schema: Schema,
  query: unknown,
): z.infer<Schema> {
  const result = schema.safeParse(query ?? {});
  if (!result.success) throw invalidQuery(toDetails(result.error, query));
  return result.data;
}

/** A query parameter that may be repeated (`?actor=a&actor=b`). */
export const repeatable = <Item extends z.ZodType>(item: Item) =>
  z.union([item, z.array(item)]).transform((value) => (Array.isArray(value) ? value : [value]));

export const pageLimit = z.coerce
  .number()
  .int('must be an integer')
  .min(1, 'must be at least 1')
  .max(500, 'must be at most 500')
  .default(50);
