import type { PositionChange } from './position-change';

/** One event moves one actor's position on one topic once: that names a change. */
export function changeKey(change: PositionChange): string {
  return JSON.stringify([change.sequence, change.actor.id, change.topic]);
}

/**
 * The listed changes with the incoming ones added, in log order; a change already listed is
 * kept once, and changes of one event keep the order they came in.
 */
export function mergeChanges(
  listed: readonly PositionChange[],
  incoming: readonly PositionChange[],
): PositionChange[] {
  const keys = new Set(listed.map(changeKey));
  const added = incoming.filter((change) => {
    const key = changeKey(change);
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
  if (added.length === 0) return [...listed];
  // Array.prototype.sort is stable: equal sequences keep their order.
  return [...listed, ...added].sort((a, b) => a.sequence - b.sequence);
}

export interface ChangeDay {
  /** `YYYY-MM-DD` in the reader's time zone. */
  day: string;
  changes: PositionChange[];
}

/** The `YYYY-MM-DD` day of an instant in a time zone (the reader's unless given). */
export function dayOf(instant: string, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Changes grouped by the day they were recorded on, in the order given. */
export function groupByDay(changes: readonly PositionChange[], timeZone?: string): ChangeDay[] {
  const days: ChangeDay[] = [];
  for (const change of changes) {
    const day = dayOf(change.recordedAt, timeZone);
    const last = days[days.length - 1];
    if (last?.day === day) last.changes.push(change);
    else days.push({ day, changes: [change] });
  }
  return days;
}
