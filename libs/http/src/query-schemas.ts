import { z } from 'zod';
import { isCalendarDate } from '@app/contracts';

/** A `YYYY-MM-DD` query parameter naming a day that exists. */
export const dateParameter = z
  .string()
  .refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD that exists');
