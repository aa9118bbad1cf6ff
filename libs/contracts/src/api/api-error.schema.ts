import { z } from 'zod';
import { ERROR_CODES, ErrorCode, validationDetailSchema } from '../errors';

const errorCodes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

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
