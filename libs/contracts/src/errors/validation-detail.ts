import { z } from 'zod';

/** One problem with a request, as it appears in an error response's `details`. */
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

export type ValidationDetail = z.infer<typeof validationDetailSchema>;

/** `['statements', 0, 'stance']` -> `statements[0].stance`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((formatted, segment) => {
    if (typeof segment === 'number') return `${formatted}[${segment}]`;
    const name = String(segment);
    return formatted === '' ? name : `${formatted}.${name}`;
  }, '');
}
