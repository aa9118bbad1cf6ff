import type { z } from 'zod';
import type { changesQuerySchema } from '../changes-query.schema';

export const CHANGES_DESCRIPTION = [
  'Position changes in log order, then by actor id and topic: one item for each event and',
  'each (actor, topic) whose position (stance or since) differs just before and just after',
  'that event. `before` and `after` are what `GET /v1/actors/{actor}/positions` answers for',
  'the topic with `knownAt=sequence-1` and `knownAt=sequence` (null: no position); the actor',
  'is canonical as merges stood after the event, with its name then. Events after the',
  "projection's position are not listed yet. A page reads at most ten events per item of",
  '`limit`: it may hold fewer items than `limit` and still have a `nextCursor`.',
].join('\n');

export const CHANGES_QUERY_DESCRIPTIONS = {
  after: 'Changes made by events after this log sequence (exclusive).',
  until:
    "Changes made by events up to this log sequence (inclusive); the projection's position when absent or beyond it.",
  actor:
    'Changes of this actor: the actor it is as merges stand now, and of every actor merged into that one.',
  topic: 'Changes on this topic (slug).',
  limit: 'Page size.',
  cursor: 'The `nextCursor` of the previous page.',
} satisfies Record<keyof z.input<typeof changesQuerySchema>, string>;
