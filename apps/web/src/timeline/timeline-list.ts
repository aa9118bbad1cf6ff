import type { Development, TimelinePage } from '@app/client';
import { matchesFilters } from './timeline-filters';
import type { TimelineFilters } from './timeline-filters';

/** The part of the timeline loaded so far; `nextCursor` null means the whole of it. */
export interface LoadedTimeline {
  items: Development[];
  nextCursor: string | null;
}

type Order = TimelineFilters['order'];

/** The timeline's order: occurredOn, then the sequence the development was first recorded at. */
export function compareDevelopments(a: Development, b: Development, order: Order): number {
  const ascending =
    a.occurredOn !== b.occurredOn
      ? a.occurredOn < b.occurredOn
        ? -1
        : 1
      : a.sequence !== b.sequence
        ? a.sequence - b.sequence
        : 0;
  return order === 'desc' ? -ascending : ascending;
}

/** The next page appended; a development already loaded keeps its newest state once. */
export function appendPage(loaded: LoadedTimeline, page: TimelinePage): LoadedTimeline {
  const incoming = new Map(page.items.map((item) => [item.developmentId, item]));
  const kept = loaded.items.filter((item) => {
    const newer = incoming.get(item.developmentId);
    if (!newer) return true;
    if (newer.lastSequence >= item.lastSequence) return false;
    incoming.delete(item.developmentId);
    return true;
  });
  return { items: [...kept, ...incoming.values()], nextCursor: page.nextCursor };
}

export type LiveOutcome =
  | { kind: 'unchanged' }
  | { kind: 'changed'; loaded: LoadedTimeline }
  /** Whether it belongs cannot be told here (full-text search): load the list again. */
  | { kind: 'refresh' };

/**
 * A development in its new state placed into the loaded timeline: updated in place, moved,
 * inserted where the order puts it, or taken out when it no longer matches the filters.
 * A state older than the one shown changes nothing; a development that sorts after the
 * last loaded one is left for the page that will bring it.
 */
export function applyLiveDevelopment(
  loaded: LoadedTimeline,
  development: Development,
  filters: TimelineFilters,
): LiveOutcome {
  const current = loaded.items.find((item) => item.developmentId === development.developmentId);
  if (current && current.lastSequence >= development.lastSequence) return { kind: 'unchanged' };
  const matches = matchesFilters(development, filters);
  if (matches === 'unknown') return { kind: 'refresh' };
  const others = current ? loaded.items.filter((item) => item !== current) : loaded.items;
  const changedWithout: LiveOutcome = current
    ? { kind: 'changed', loaded: { ...loaded, items: others } }
    : { kind: 'unchanged' };
  if (!matches) return changedWithout;
  const index = others.findIndex(
    (item) => compareDevelopments(development, item, filters.order) < 0,
  );
  if (index === -1 && loaded.nextCursor !== null) return changedWithout;
  const items = [...others];
  items.splice(index === -1 ? items.length : index, 0, development);
  return { kind: 'changed', loaded: { ...loaded, items } };
}

/**
 * The loaded timeline after loading its beginning again (`fresh`, the first page of a
 * query for at least as many items): what the fresh page covers is replaced, loaded items
 * after its end are kept.
 */
export function mergeRefreshedBeginning(
  loaded: LoadedTimeline,
  fresh: TimelinePage,
  order: Order,
): LoadedTimeline {
  const lastFresh = fresh.items[fresh.items.length - 1];
  if (fresh.nextCursor === null || !lastFresh) return { items: fresh.items, nextCursor: null };
  const freshIds = new Set(fresh.items.map((item) => item.developmentId));
  const after = loaded.items.filter(
    (item) => !freshIds.has(item.developmentId) && compareDevelopments(item, lastFresh, order) > 0,
  );
  return after.length > 0
    ? { items: [...fresh.items, ...after], nextCursor: loaded.nextCursor }
    : { items: fresh.items, nextCursor: fresh.nextCursor };
}
