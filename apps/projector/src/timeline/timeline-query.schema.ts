import { z } from 'zod';
import { isIdSlug, isStorableText, TOPIC_SLUG, normalizeActorId } from '@app/contracts';
import { cursorParameter, dateParameter, knownAtParameter, pageLimit, repeatable } from '@app/http';
import { decodeTimelineCursor } from '@app/read-model';

const date = dateParameter;

export const timelineQuerySchema = z
  .strictObject({
    from: date.optional(),
    to: date.optional(),
    actor: repeatable(
      z.string().transform(normalizeActorId).refine(isIdSlug, 'must be an actor id'),
    ).optional(),
    topic: repeatable(z.string().regex(TOPIC_SLUG, 'must be a topic slug')).optional(),
    q: z
      .string()
      .min(1, 'must not be empty')
      .max(500, 'must be at most 500 characters')
      .refine(isStorableText, 'must not contain U+0000 or an unpaired surrogate')
      .optional(),
    includeRetracted: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .transform((value) => value === 'true')
      .default(false),
    order: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).default('asc'),
    limit: pageLimit,
    cursor: cursorParameter(decodeTimelineCursor).optional(),
    knownAt: knownAtParameter.optional(),
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
