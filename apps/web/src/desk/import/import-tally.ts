import type { BatchResult, ValidationDetail } from '@app/client';
import type { ImportFile, ImportItem, ItemProblem, ItemUnit } from './import-file';

/** An item that was not recorded because it is not a valid development (or not JSON). */
export interface InvalidItem {
  /** The line of the file it begins on. */
  line: number;
  /** Its place among the items of the file. */
  number: number;
  details: ValidationDetail[];
}

/** What an import has come to so far, over every request and retry of one file. */
export interface ImportTally {
  unit: ItemUnit;
  /** Items in the file. */
  total: number;
  accepted: number;
  duplicates: number;
  /** In the order of the file. */
  invalid: InvalidItem[];
  /** The places (lines, or item numbers) of the items that have their answer. */
  done: number[];
}

/** Before anything is sent: the file's own problems are answered already. */
export function startTally(file: Extract<ImportFile, { ok: true }>): ImportTally {
  return {
    unit: file.unit,
    total: file.total,
    accepted: 0,
    duplicates: 0,
    invalid: file.problems.map(invalidItem),
    done: file.problems.map((problem) => placeOf(problem, file.unit)),
  };
}

/** How many items have their answer. */
export function doneCount(tally: ImportTally): number {
  return tally.done.length;
}

/** The item's place as the reader is told it: its line, or its number in the array. */
export function placeOf(item: { line: number; number: number }, unit: ItemUnit): number {
  return unit === 'line' ? item.line : item.number;
}

/**
 * The tally with the answer to one request added: the results are matched to the items sent
 * by their index in the request, so lines are the file's, not the request's. Items the log
 * could not store (`unavailable`) are left out of the tally and returned, to be sent again.
 */
export function addBatchResult(
  tally: ImportTally,
  chunk: readonly ImportItem[],
  result: BatchResult,
): { tally: ImportTally; unstored: ImportItem[]; unstoredMessage?: string } {
  let { accepted, duplicates } = tally;
  const invalid: InvalidItem[] = [];
  const done: number[] = [];
  const answered = new Set<ImportItem>();
  let unstoredMessage: string | undefined;
  for (const item of result.results) {
    const sent = chunk[item.index];
    if (!sent || answered.has(sent)) continue;
    if (item.status === 'unavailable') {
      unstoredMessage ??= item.message;
      continue;
    }
    answered.add(sent);
    done.push(placeOf(sent, tally.unit));
    if (item.status === 'accepted') accepted += 1;
    else if (item.status === 'duplicate') duplicates += 1;
    else if (item.status === 'invalid') {
      invalid.push({ ...placeOfItem(sent), details: item.details.map(withoutRequestLine) });
    }
  }
  return {
    tally: {
      ...tally,
      accepted,
      duplicates,
      invalid: mergeByLine(tally.invalid, invalid),
      done: [...tally.done, ...done],
    },
    unstored: chunk.filter((item) => !answered.has(item)),
    ...(unstoredMessage !== undefined && { unstoredMessage }),
  };
}

/** The tally with one item refused without being sent, such as one too large for a request. */
export function addRefusedItem(tally: ImportTally, item: ImportItem, message: string): ImportTally {
  return {
    ...tally,
    invalid: mergeByLine(tally.invalid, [
      { line: item.line, number: item.number, details: [{ path: '', message }] },
    ]),
    done: [...tally.done, placeOf(item, tally.unit)],
  };
}

function invalidItem({ line, number, details }: ItemProblem): InvalidItem {
  return { line, number, details };
}

function placeOfItem({ line, number }: ImportItem): { line: number; number: number } {
  return { line, number };
}

/** The API numbers a broken line by its line in the request; the file's line is given apart. */
function withoutRequestLine(detail: ValidationDetail): ValidationDetail {
  return { path: detail.path, message: detail.message.replace(/^line \d+ /, '') };
}

function mergeByLine(first: InvalidItem[], second: InvalidItem[]): InvalidItem[] {
  if (second.length === 0) return first;
  return [...first, ...second].sort((a, b) => a.number - b.number);
}
