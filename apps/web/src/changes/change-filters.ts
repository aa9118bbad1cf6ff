import type { ProjectorPaths } from '@app/client';
import { nonEmpty } from '../shared/hash-query';
import type { PositionChange } from './position-change';

/** What the What changed page shows; kept in the hash query (`#/changes?actor=…&topic=…`). */
export interface ChangeFilters {
  actor?: string;
  topic?: string;
}

export function parseChangeFilters(query: URLSearchParams): ChangeFilters {
  const actor = nonEmpty(query.get('actor'));
  const topic = nonEmpty(query.get('topic'));
  return { ...(actor && { actor }), ...(topic && { topic }) };
}

/** The hash query of the filters; '' when nothing is filtered. */
export function serializeChangeFilters(filters: ChangeFilters): string {
  const query = new URLSearchParams();
  if (filters.actor) query.set('actor', filters.actor);
  if (filters.topic) query.set('topic', filters.topic);
  return query.toString();
}

export function sameChangeFilters(a: ChangeFilters, b: ChangeFilters): boolean {
  return serializeChangeFilters(a) === serializeChangeFilters(b);
}

export type ChangesQuery = NonNullable<ProjectorPaths['/v1/changes']['get']['parameters']['query']>;

/** The GET /v1/changes query for the filters and a page. */
export function changesQuery(
  filters: ChangeFilters,
  page: { limit: number; after?: number; cursor?: string | null },
): ChangesQuery {
  return {
    ...(page.after !== undefined && { after: page.after }),
    ...(filters.actor && { actor: filters.actor }),
    ...(filters.topic && { topic: filters.topic }),
    limit: page.limit,
    ...(page.cursor && { cursor: page.cursor }),
  };
}

/**
 * Whether a change from the stream belongs on the page with these filters. The actor filter
 * resolves merges on the server (an alias's id finds its actor's changes): a change of
 * another actor id than the filter's is 'ask', to be settled by asking the server.
 */
export function changeMatches(change: PositionChange, filters: ChangeFilters): boolean | 'ask' {
  if (filters.topic && change.topic !== filters.topic) return false;
  if (filters.actor && change.actor.id !== filters.actor) return 'ask';
  return true;
}
