import type { z } from 'zod';
import { KNOWN_AT_DESCRIPTION } from '@app/http';
import type { timelineQuerySchema } from '../timeline-query.schema';

export const TIMELINE_QUERY_DESCRIPTIONS = {
  from: 'First day of the window (`YYYY-MM-DD`): developments whose [occurredOn, occurredUntil] overlaps [from, to].',
  to: 'Last day of the window (`YYYY-MM-DD`), inclusive.',
  actor: 'Actor id; repeat for any of several.',
  topic: 'Topic slug; repeat for any of several.',
  q: 'Full-text search in titles and bodies (English and Russian stemming), in web-search syntax: `"exact phrase"`, `-excluded`, `or`.',
  includeRetracted:
    '`true` also lists retracted developments, with `retracted: {reason, sequence}`.',
  order: 'By occurredOn (then first sequence), ascending or descending.',
  limit: 'Page size.',
  cursor: 'The `nextCursor` of the previous page, issued for the same `order`.',
  knownAt: KNOWN_AT_DESCRIPTION,
} satisfies Record<keyof z.input<typeof timelineQuerySchema>, string>;
