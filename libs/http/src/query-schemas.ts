import { z } from 'zod';
import { isCalendarDate } from '@app/contracts';

/** A `YYYY-MM-DD` query parameter naming a day that exists. */
export const dateParameter = z
  .string()
  .refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD that exists');

/** An opaque cursor this API issued, decoded; anything else is a 400 on `cursor`. */
export const cursorParameter = <Cursor>(decode: (encoded: string) => Cursor | null) =>
  z.string().transform((value, context): Cursor => {
    const cursor = decode(value);
    if (cursor === null) {
      context.addIssue({ code: 'custom', message: 'is not a cursor this API issued' });
      return z.NEVER;
    }
    return cursor;
  });

const rfc3339 = z.iso.datetime({ offset: true });

export const KNOWN_AT_DESCRIPTION =
  'Answer as the read model stood when the log ended at this sequence, or at the last ' +
  'sequence recorded at or before this RFC 3339 date-time: later developments, corrections, ' +
  'retractions, merges and unmerges do not count. The `Newsline-Known-At` header of the ' +
  'answer gives the sequence.';

/**
 * `knownAt`: a log sequence, or an RFC 3339 date-time that stands for the last sequence
 * recorded at or before it.
 */
export const knownAtParameter = z
  .string()
  .meta({ examples: ['1200', '2025-12-20T18:00:00Z'] })
  .transform((value, context): { sequence: number } | { time: string } => {
    if (/^\d{1,15}$/.test(value)) return { sequence: Number(value) };
    if (rfc3339.safeParse(value).success) return { time: new Date(value).toISOString() };
    context.addIssue({
      code: 'custom',
      message: 'must be a log sequence or an RFC 3339 date-time such as 2025-12-20T18:00:00Z',
    });
    return z.NEVER;
  });
