import type { PositionChange } from '@app/contracts';
import { PROJECTION_NAMES, readChanges } from '@app/read-model';
import type { ChangesCursor, SqlExecutor } from '@app/read-model';
import type { TakeItems } from './live-applied-log';

const PAGE = 500;

/** One event's position changes: what a stream sends under that event's id. */
export interface ChangesOfEvent {
  sequence: number;
  changes: PositionChange[];
}

/** Consecutive changes grouped by their event. */
export function byEvent(changes: readonly PositionChange[]): ChangesOfEvent[] {
  const groups: ChangesOfEvent[] = [];
  for (const change of changes) {
    const group = groups[groups.length - 1];
    if (group?.sequence === change.sequence) group.changes.push(change);
    else groups.push({ sequence: change.sequence, changes: [change] });
  }
  return groups;
}

/**
 * Every position change after `after`, passed to `take` page by page, each event with all of
 * its changes (an event whose changes a page cuts waits for the next page), until `take`
 * returns false. Returns the last sequence read through: every change up to it has been
 * passed.
 */
export async function readChangesAfter(
  sql: SqlExecutor,
  after: number,
  take: TakeItems<ChangesOfEvent>,
): Promise<number> {
  let cursor: ChangesCursor | undefined;
  let cut: PositionChange[] = [];
  for (;;) {
    const page = await readChanges(sql, {
      after,
      limit: PAGE,
      cursor,
      projections: PROJECTION_NAMES,
    });
    const changes = [...cut, ...page.items];
    const { next } = page;
    if (next === null) {
      if (changes.length > 0) take(byEvent(changes));
      return Math.max(after, page.through);
    }
    const within = next.actorId !== undefined;
    cut = within ? changes.filter((change) => change.sequence === next.sequence) : [];
    const complete = within ? changes.filter((change) => change.sequence < next.sequence) : changes;
    if (complete.length > 0 && take(byEvent(complete)) === false) {
      return complete[complete.length - 1].sequence;
    }
    cursor = next;
  }
}
