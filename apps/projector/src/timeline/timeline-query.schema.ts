import { z } from 'zod';
import { isCalendarDate, isIdSlug, TOPIC_SLUG } from '@app/contracts';
import { pageLimit, repeatable } from '@app/http';
import { decodeTimelineCursor, TimelineCursor } from '@app/read-model';

const date = z.string().refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD that exists');

export const timelineQuerySchema = z
  .strictObject({
    from: date.optional(),
    to: date.optional(),
    actor: repeatable(z.string().refine(isIdSlug, 'must be an actor id')).optional(),
    topic: repeatable(z.string().regex(TOPIC_SLUG, 'must be a topic slug')).optional(),
    order: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).default('asc'),
    limit: pageLimit,
    cursor: z
      .string()
      .transform((value, context): TimelineCursor => {
        const cursor = decodeTimelineCursor(value);
        if (!cursor) {
          context.addIssue({ code: 'custom', message: 'is not a cursor this API issued' });
          return z.NEVER;
        }
        return cursor;
      })
      .optional(),
  })
  .superRefine((query, context) => {
    if (query.from && query.to && query.from > query.to) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    }
    if (query.cursor && query.cursor.order !== query.order) {
      context.addIssue({
        code: 'custom',
        path: ['cursor'],
        message: `was issued for order=${query.cursor.order}`,
      });
    }
  });
