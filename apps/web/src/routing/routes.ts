import { NO_FILTERS, parseFilters, serializeFilters } from '../timeline/timeline-filters';
import type { TimelineFilters } from '../timeline/timeline-filters';

/** The pages of the view, each addressed by a URL hash. */
export type Route =
  | { page: 'timeline'; filters: TimelineFilters }
  | { page: 'actor'; actorId: string }
  | { page: 'topics' }
  | { page: 'topic'; topic: string }
  | { page: 'development'; developmentId: string }
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
  if (first === undefined) return { page: 'timeline', filters: parseFilters(query) };
  if (first === 'status' && second === undefined) return { page: 'status' };
  if (first === 'topics') {
    if (second === undefined) return { page: 'topics' };
    const topic = decodeSegment(second);
    return topic ? { page: 'topic', topic } : notFound;
  }
  if (first === 'actors' && second !== undefined) {
    const actorId = decodeSegment(second);
    return actorId ? { page: 'actor', actorId } : notFound;
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
    case 'timeline': {
      const query = serializeFilters(route.filters);
      return query ? `#/?${query}` : '#/';
    }
    case 'actor':
      return `#/actors/${encodeURIComponent(route.actorId)}`;
    case 'topics':
      return '#/topics';
    case 'topic':
      return `#/topics/${encodeURIComponent(route.topic)}`;
    case 'development':
      return `#/developments/${encodeURIComponent(route.developmentId)}`;
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
