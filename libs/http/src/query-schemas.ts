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
