import { parseChangeFilters, serializeChangeFilters } from '../changes/change-filters';
import type { ChangeFilters } from '../changes/change-filters';
import { parseKnownAt } from '../known-at/known-at';
import type { KnownAt } from '../known-at/known-at';
import { NO_FILTERS, parseFilters, serializeFilters } from '../timeline/timeline-filters';
import type { TimelineFilters } from '../timeline/timeline-filters';

/**
 * The pages of the view, each addressed by a URL hash. `knownAt`, where a page has it, shows
 * the page as the log stood then (`?knownAt=2026-12-07T10:00:00Z` or `?knownAt=1234`).
 */
export type Route =
  | { page: 'timeline'; filters: TimelineFilters; knownAt?: KnownAt }
  | { page: 'actor'; actorId: string; knownAt?: KnownAt }
  | { page: 'topics' }
  | { page: 'topic'; topic: string; knownAt?: KnownAt }
  | { page: 'development'; developmentId: string }
  | { page: 'changes'; filters: ChangeFilters }
  | { page: 'status' }
  | { page: 'not-found'; hash: string };

function decodeSegment(segment: string): string | undefined {
  try {
    const decoded = decodeURIComponent(segment);
    return decoded === '' ? undefined : decoded;
  } catch {
    return undefined;
  }
}

function knownAtOf(query: URLSearchParams): { knownAt?: KnownAt } {
  const knownAt = parseKnownAt(query.get('knownAt'));
  return knownAt === undefined ? {} : { knownAt };
}

/** `?knownAt=…` after the rest of a query (colons kept, for a readable link), or ''. */
function withKnownAt(query: string, knownAt: KnownAt | undefined): string {
  const knownAtQuery =
    knownAt === undefined ? '' : `knownAt=${encodeURIComponent(knownAt).replace(/%3A/g, ':')}`;
  const whole = [query, knownAtQuery].filter((part) => part !== '').join('&');
  return whole ? `?${whole}` : '';
}

/** The route of a location hash such as `#/actors/vladimir-putin` or `#/?topic=peace-plan`. */
export function parseRoute(hash: string): Route {
  const withoutMark = hash.startsWith('#') ? hash.slice(1) : hash;
  const queryAt = withoutMark.indexOf('?');
  const path = (queryAt === -1 ? withoutMark : withoutMark.slice(0, queryAt)).replace(/\/+$/, '');
  const query = new URLSearchParams(queryAt === -1 ? '' : withoutMark.slice(queryAt + 1));
  const segments = path.split('/').filter((segment) => segment !== '');
  const [first, second, ...rest] = segments;
  const notFound: Route = { page: 'not-found', hash };
  if (rest.length > 0) return notFound;
  if (first === undefined) {
    return { page: 'timeline', filters: parseFilters(query), ...knownAtOf(query) };
  }
  if (first === 'status' && second === undefined) return { page: 'status' };
  if (first === 'changes' && second === undefined) {
    return { page: 'changes', filters: parseChangeFilters(query) };
  }
  if (first === 'topics') {
    if (second === undefined) return { page: 'topics' };
    const topic = decodeSegment(second);
    return topic ? { page: 'topic', topic, ...knownAtOf(query) } : notFound;
  }
  if (first === 'actors' && second !== undefined) {
    const actorId = decodeSegment(second);
    return actorId ? { page: 'actor', actorId, ...knownAtOf(query) } : notFound;
  }
  if (first === 'developments' && second !== undefined) {
    const developmentId = decodeSegment(second);
    return developmentId ? { page: 'development', developmentId } : notFound;
  }
  return notFound;
}

/** The location hash of a route; `parseRoute(routeHash(route))` gives the route back. */
export function routeHash(route: Route): string {
  switch (route.page) {
    case 'timeline':
      return `#/${withKnownAt(serializeFilters(route.filters), route.knownAt)}`;
    case 'actor':
      return `#/actors/${encodeURIComponent(route.actorId)}${withKnownAt('', route.knownAt)}`;
    case 'topics':
      return '#/topics';
    case 'topic':
      return `#/topics/${encodeURIComponent(route.topic)}${withKnownAt('', route.knownAt)}`;
    case 'development':
      return `#/developments/${encodeURIComponent(route.developmentId)}`;
    case 'changes': {
      const query = serializeChangeFilters(route.filters);
      return query ? `#/changes?${query}` : '#/changes';
    }
    case 'status':
      return '#/status';
    case 'not-found':
      return route.hash;
  }
}

export const actorHref = (actorId: string) => routeHash({ page: 'actor', actorId });
export const topicHref = (topic: string) => routeHash({ page: 'topic', topic });
export const developmentHref = (developmentId: string) =>
  routeHash({ page: 'development', developmentId });
export const timelineHref = (filters: Partial<TimelineFilters>) =>
  routeHash({ page: 'timeline', filters: { ...NO_FILTERS, ...filters } });
export const changesHref = (filters: ChangeFilters = {}) => routeHash({ page: 'changes', filters });
