import { z } from 'zod';
import { formatPath, ValidationDetail } from '../errors';
import {
  DevelopmentChanges,
  developmentChangesSchema,
  DevelopmentInput,
  developmentInputSchema,
} from './development.schema';

export type Validated<T> = { ok: true; value: T } | { ok: false; details: ValidationDetail[] };

/** Checks a parsed JSON body against API.md's rules and lists every problem found. */
export function validateDevelopment(body: unknown): Validated<DevelopmentInput> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, details: [{ path: '', message: 'must be a JSON object' }] };
  }
  const result = developmentInputSchema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, details: toDetails(result.error, body) };
}

/** Checks the body of a correction: a non-empty subset of the development's fields. */
export function validateChanges(body: unknown): Validated<DevelopmentChanges> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, details: [{ path: '', message: 'must be a JSON object' }] };
  }
  const result = developmentChangesSchema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, details: toDetails(result.error, body) };
}

export function toDetails(error: z.ZodError, input: unknown): ValidationDetail[] {
  return error.issues.flatMap((issue): ValidationDetail[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: formatPath([...issue.path, key]),
        message: 'is not a known field',
      }));
    }
    if (valueAt(input, issue.path) === undefined) {
      return [{ path: formatPath(issue.path), message: 'is required' }];
    }
    return [{ path: formatPath(issue.path), message: issue.message }];
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) {
      return undefined;
    }
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}
