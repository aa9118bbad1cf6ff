import { z } from 'zod';

export const developmentIdSchema = z.uuid();

export const ifMatchSchema = z
  .string()
  .regex(/^(?:\*|(?:W\/)?"?[1-9][0-9]{0,9}"?)$/)
  .describe('`2`, `"2"` or `W/"2"`; `*` means any revision.');
