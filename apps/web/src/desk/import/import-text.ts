import type { ValidationDetail } from '@app/client';
import type { ImportItem, ItemUnit } from './import-file';
import type { ImportOutcome, ImportStop } from './import-run';
import { doneCount, placeOf } from './import-tally';
import type { ImportTally, InvalidItem } from './import-tally';

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** Places in a short form: `1–1000, 1203, 1205–1210`. */
export function describePlaces(places: readonly number[]): string {
  const sorted = [...new Set(places)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end += 1;
    ranges.push(start === end ? `${sorted[start]}` : `${sorted[start]}–${sorted[end]}`);
    start = end + 1;
  }
  return ranges.join(', ');
}

/** `lines 1–1000, 1203` (or `items …`), or `line 7` for one. */
export function describeItems(places: readonly number[], unit: ItemUnit): string {
  return `${new Set(places).size === 1 ? unit : `${unit}s`} ${describePlaces(places)}`;
}

/** `120 of 2500 lines`. */
export function progressText(tally: ImportTally): string {
  return `${doneCount(tally)} of ${plural(tally.total, tally.unit)}`;
}

/** The three counts, as the summary says them. */
export function summaryCounts(tally: ImportTally): {
  accepted: string;
  duplicates: string;
  invalid: string;
} {
  return {
    accepted: `${tally.accepted} accepted`,
    duplicates: `${plural(tally.duplicates, 'duplicate')} (recorded before: nothing new written)`,
    invalid: `${tally.invalid.length} invalid`,
  };
}

/** Where an invalid item is: `Line 13`, or `Item 4 (line 27)` in a JSON array. */
export function invalidItemPlace(item: InvalidItem, unit: ItemUnit): string {
  return unit === 'line' ? `Line ${item.line}` : `Item ${item.number} (line ${item.line})`;
}

/** One problem of the API's `details`: `statements[0].stance: must be one of …`. */
export function detailText(detail: ValidationDetail): string {
  return detail.path ? `${detail.path}: ${detail.message}` : detail.message;
}

/** What a stopped import says: why, and which items were sent and which not. */
export function describeStop(outcome: ImportOutcome): { message: string; where: string[] } {
  const { tally, failed, unsent, stop } = outcome;
  if (!stop) return { message: '', where: [] };
  const unit = tally.unit;
  const places = (items: readonly ImportItem[]) => items.map((item) => placeOf(item, unit));
  const failedItems = describeItems(places(failed), unit);
  const where: string[] = [];
  if (tally.done.length > 0) where.push(`Done: ${describeItems(tally.done, unit)}.`);
  if (failed.length > 0) where.push(`${FAILED[stop.kind]}: ${failedItems}.`);
  if (unsent.length > 0) where.push(`Not sent: ${describeItems(places(unsent), unit)}.`);
  return { message: stopMessage(outcome), where };
}

const FAILED: Record<ImportStop['kind'], string> = {
  cancelled: 'Sent, with no answer',
  unreachable: 'Sent, with no answer',
  unauthorized: 'Sent, refused',
  refused: 'Sent, refused',
  unstored: 'Sent, not stored',
};

const SAFE = 'Sending the rest again is safe: what was recorded already comes back as a duplicate.';

function stopMessage({ failed, stop }: ImportOutcome): string {
  switch (stop?.kind) {
    case undefined:
      return '';
    case 'cancelled':
      return `Import cancelled. ${SAFE}`;
    case 'unreachable':
      return `The server cannot be reached, so it is not known whether the last ${plural(failed.length, 'development')} sent were recorded. ${SAFE}`;
    case 'unauthorized':
      return stop.status === 403
        ? 'Your sign-in no longer allows writing (403: your role may not write). Sign in as an editor, then retry the rest.'
        : `Your sign-in no longer allows writing (401${stop.message ? `: ${stop.message}` : ''}). Sign in again, then retry the rest.`;
    case 'unstored':
      return `The log could not store ${plural(failed.length, 'development')}${stop.message ? ` (${stop.message})` : ''}. ${SAFE}`;
    case 'refused':
      if (stop.status === 429)
        return `Too many writes for now: wait a moment, then retry the rest.`;
      return `The server answered ${stop.status}${stop.message ? `: ${stop.message}` : '.'} ${SAFE}`;
  }
}
