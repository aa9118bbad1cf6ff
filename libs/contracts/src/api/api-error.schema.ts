import { z } from 'zod';
import { ERROR_CODES, ErrorCode } from '../errors';

const errorCodes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export const validationDetailSchema = z
  .strictObject({
    path: z
      .string()
      .describe('Where the problem is, such as `statements[0].stance`; "" for the whole body.'),
    message: z.string(),
    canonical: z
      .string()
      .optional()
      .describe('In a `merge_conflict`: the actor to merge into instead.'),
  })
  .meta({ id: 'ValidationDetail', description: 'One problem with a request.' });

/** The body of every error response. */
export const apiErrorSchema = z
  .strictObject({
    error: z.enum(errorCodes).describe('A machine-readable code.'),
    message: z.string().describe('A sentence for humans.'),
    details: z
      .array(validationDetailSchema)
      .describe('Every problem found (for 400s); else empty.'),
  })
  .meta({ id: 'Error', description: 'Every error answer has this shape.' });
