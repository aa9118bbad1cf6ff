import type { Development, ProjectorPaths } from '@app/client';
import { isIsoDay } from '../shared/dates';
import { nonEmpty } from '../shared/hash-query';

/** What the timeline shows; kept in the URL hash (`#/?from=…&topic=…`) so a reload keeps it. */
export interface TimelineFilters {
  from?: string;
  to?: string;
  actor?: string;
  topic?: string;
  q?: string;
  includeRetracted: boolean;
  order: 'asc' | 'desc';
}

export const NO_FILTERS: TimelineFilters = { includeRetracted: false, order: 'asc' };

const MAX_QUERY_LENGTH = 500;

/** Filters from a hash query; values the API would refuse are left out. */
export function parseFilters(query: URLSearchParams): TimelineFilters {
  const from = nonEmpty(query.get('from'));
  const to = nonEmpty(query.get('to'));
  const q = query.get('q');
  return {
    ...(from && isIsoDay(from) && { from }),
    ...(to && isIsoDay(to) && { to }),
    ...(nonEmpty(query.get('actor')) && { actor: nonEmpty(query.get('actor')) }),
    ...(nonEmpty(query.get('topic')) && { topic: nonEmpty(query.get('topic')) }),
    ...(q && q.trim() && { q: q.slice(0, MAX_QUERY_LENGTH) }),
    includeRetracted: query.get('includeRetracted') === 'true',
    order: query.get('order') === 'desc' ? 'desc' : 'asc',
  };
}

/** The hash query for filters, without the defaults; '' when nothing is filtered. */
export function serializeFilters(filters: TimelineFilters): string {
  const query = new URLSearchParams();
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  if (filters.actor) query.set('actor', filters.actor);
  if (filters.topic) query.set('topic', filters.topic);
  if (filters.q) query.set('q', filters.q);
  if (filters.includeRetracted) query.set('includeRetracted', 'true');
  if (filters.order === 'desc') query.set('order', 'desc');
  return query.toString();
}

export function sameFilters(a: TimelineFilters, b: TimelineFilters): boolean {
  return serializeFilters(a) === serializeFilters(b);
}

export type TimelineQuery = NonNullable<
  ProjectorPaths['/v1/timeline']['get']['parameters']['query']
>;

/** The GET /v1/timeline query for filters and a page. */
export function timelineQuery(
  filters: TimelineFilters,
  page: { limit: number; cursor?: string | null },
): TimelineQuery {
  return {
    ...(filters.from && { from: filters.from }),
    ...(filters.to && { to: filters.to }),
    ...(filters.actor && { actor: [filters.actor] }),
    ...(filters.topic && { topic: [filters.topic] }),
    ...(filters.q && { q: filters.q }),
    ...(filters.includeRetracted && { includeRetracted: 'true' }),
    order: filters.order,
    limit: page.limit,
    ...(page.cursor && { cursor: page.cursor }),
  };
}

/**
 * Whether the timeline with these filters holds the development. Full-text search runs on
 * the server only, so with `q` the answer is 'unknown'.
 */
export function matchesFilters(
  development: Development,
  filters: TimelineFilters,
): boolean | 'unknown' {
  if (development.retracted && !filters.includeRetracted) return false;
  const until = development.occurredUntil || development.occurredOn;
  if (filters.from && until < filters.from) return false;
  if (filters.to && development.occurredOn > filters.to) return false;
  if (filters.actor && !development.actors.some((actor) => actor.id === filters.actor)) {
    return false;
  }
  if (filters.topic && !development.topics.includes(filters.topic)) return false;
  return filters.q ? 'unknown' : true;
}
