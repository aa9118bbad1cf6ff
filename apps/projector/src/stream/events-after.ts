import { appliedEventsAfter, PROJECTION_NAMES } from '@app/read-model';
import type { AppliedLogEvent, SqlExecutor } from '@app/read-model';
import type { TakeItems } from './live-applied-log';

const PAGE = 500;

/**
 * Every event all projections have applied after `after`, passed to `take` page by page
 * (never an empty page) until it returns false. Returns the last sequence read through:
 * every event up to it has been passed.
 */
export async function readEventsAfter(
  sql: SqlExecutor,
  after: number,
  take: TakeItems<AppliedLogEvent>,
): Promise<number> {
  for (let from = after; ;) {
    const page = await appliedEventsAfter(sql, from, PAGE, PROJECTION_NAMES);
    if (page.length > 0) {
      from = page[page.length - 1].sequence;
      if (take(page) === false) return from;
    }
    if (page.length < PAGE) return from;
  }
}
