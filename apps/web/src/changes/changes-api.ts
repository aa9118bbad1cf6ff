import type { ApiClient } from '../api/api-client';
import { projectorData } from '../api/api-client';
import { changesQuery } from './change-filters';
import type { ChangeFilters, ChangesQuery } from './change-filters';
import type { PositionChange, PositionChangePage } from './position-change';

/** The most a catch-up asks for at once, and how many pages it follows at most. */
const CATCH_UP_PAGE = 200;
const CATCH_UP_PAGES = 50;
/**
 * A page of changes may hold fewer items than asked for, even none, and still have more
 * after it (the API reads a bounded number of events per page): a page of the list follows
 * the cursor this many times at most to fill itself.
 */
const FILL_REQUESTS = 10;

/** One page of GET /v1/changes. */
export function fetchChanges(
  api: ApiClient,
  query: ChangesQuery,
  signal: AbortSignal,
): Promise<PositionChangePage> {
  return projectorData(api.GET('/v1/changes', { params: { query }, signal }));
}

/**
 * A page of the list: the changes from `cursor` on (from the beginning without one), asking
 * again with the next cursor until there are `limit` of them or the log ends.
 */
export async function fetchChangesPage(
  api: ApiClient,
  filters: ChangeFilters,
  page: { limit: number; cursor?: string | null },
  signal: AbortSignal,
): Promise<PositionChangePage> {
  const items: PositionChange[] = [];
  let cursor = page.cursor ?? null;
  for (let request = 0; request < FILL_REQUESTS; request++) {
    const answer: PositionChangePage = await fetchChanges(
      api,
      changesQuery(filters, { limit: page.limit - items.length, cursor }),
      signal,
    );
    items.push(...answer.items);
    cursor = answer.nextCursor;
    if (cursor === null || items.length >= page.limit) break;
  }
  return { items, nextCursor: cursor };
}

/** Every change after `after` (all of them without it) that the filters keep, page by page. */
export async function fetchChangesAfter(
  api: ApiClient,
  filters: ChangeFilters,
  after: number | undefined,
  signal: AbortSignal,
): Promise<PositionChange[]> {
  const changes: PositionChange[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < CATCH_UP_PAGES; page++) {
    const answer: PositionChangePage = await fetchChanges(
      api,
      changesQuery(filters, { limit: CATCH_UP_PAGE, after, cursor }),
      signal,
    );
    changes.push(...answer.items);
    cursor = answer.nextCursor;
    if (cursor === null) break;
  }
  return changes;
}
