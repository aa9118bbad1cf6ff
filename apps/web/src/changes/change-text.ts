import { formatDay, LOCALE } from '../shared/dates';
import type { PositionChange, PositionState } from './position-change';

const EVENT_LABELS: Record<PositionChange['eventType'], string> = {
  NewsEventRecorded: 'New development',
  NewsEventCorrected: 'Correction',
  NewsEventRetracted: 'Retraction',
  ActorMerged: 'Merge',
  ActorUnmerged: 'Unmerge',
};

/** "New development", "Correction", "Retraction", "Merge", "Unmerge"; others as they are. */
export function changeEventLabel(eventType: string): string {
  return EVENT_LABELS[eventType as PositionChange['eventType']] ?? eventType;
}

/** A stance, or "no position". */
export function stateText(state: PositionState | null): string {
  return state ? state.stance : 'no position';
}

/**
 * "support → conditional (since 22 Dec 2025)"; the day is the new stance's, or the old one's
 * when the position ended.
 */
export function transitionText(change: Pick<PositionChange, 'before' | 'after'>): string {
  const { before, after } = change;
  if (after) return `${stateText(before)} → ${after.stance} (since ${formatDay(after.since)})`;
  if (before) return `${before.stance} (since ${formatDay(before.since)}) → no position`;
  return 'no position → no position';
}

/** "Rustem Umerov on peace-plan: support → conditional (since 22 Dec 2025)". */
export function changeSentence(change: PositionChange): string {
  return `${change.actor.name} on ${change.topic}: ${transitionText(change)}`;
}

/** "10:02" in the reader's time zone (or the one given). */
export function timeOfDay(instant: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', timeZone }).format(
    new Date(instant),
  );
}

/** What the list's summary says of the changes arrived while the page is open. */
export function arrivedText(arrived: readonly PositionChange[]): string {
  if (arrived.length === 0) return '';
  if (arrived.length === 1) return `New change: ${changeSentence(arrived[0]!)}`;
  return `${arrived.length} new changes, the last: ${changeSentence(arrived[arrived.length - 1]!)}`;
}
