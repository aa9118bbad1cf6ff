import type { ValidationDetail } from '@app/client';
import { linesAt, scanJson } from './json-scan';

/** The most items one request of POST /v1/developments/batch may hold. */
export const MAX_CHUNK_ITEMS = 1000;
/** The most bytes one request is given: under the batch's 10 MiB body limit, with room to spare. */
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * What the reader is told the items are: the lines of an NDJSON file, or the items of the
 * array of a JSON file (which are found by the line they begin on as well).
 */
export type ItemUnit = 'line' | 'item';

/** A development of the file (or an `{idempotencyKey, development}` item) as the NDJSON line sent. */
export interface ImportItem {
  /** The line of the file it begins on, from 1. */
  line: number;
  /** Its place among the items of the file, from 1. */
  number: number;
  text: string;
  /** The UTF-8 length of `text`. */
  bytes: number;
}

/** An item of the file that is not sent, and why, in the API's `details` shape. */
export interface ItemProblem {
  line: number;
  number: number;
  details: ValidationDetail[];
}

export type ImportFile =
  | { ok: true; unit: ItemUnit; items: ImportItem[]; problems: ItemProblem[]; total: number }
  | { ok: false; message: string };

type Items = Omit<Extract<ImportFile, { ok: true }>, 'total'>;

const utf8 = new TextEncoder();

/** Why an item is not sent when no request could hold it. */
export const TOO_LARGE_MESSAGE = 'is larger than one request to the server may be';

/**
 * The developments of a file: one JSON array (`.json`), or one per line (`.ndjson`, `.jsonl`;
 * blank lines are skipped). A line that is not JSON is a problem of that line and the others
 * still go; a `.json` file that is not one JSON array is refused whole, with the line where it
 * breaks. Whether each item is a valid development is for the API to say.
 */
export function readImportFile(name: string, text: string): ImportFile {
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const read = isJsonArrayFile(name, content) ? readJsonArray(content) : readNdjson(content);
  if (!read.ok) return read;
  const total = read.items.length + read.problems.length;
  if (total === 0) return { ok: false, message: 'The file holds no developments.' };
  return { ...read, total };
}

function isJsonArrayFile(name: string, content: string): boolean {
  const extension = /\.([^.]+)$/.exec(name.toLowerCase())?.[1];
  if (extension === 'json') return true;
  if (extension === 'ndjson' || extension === 'jsonl') return false;
  return content.trimStart().startsWith('[');
}

function readNdjson(content: string): Items {
  const read = new ItemsRead();
  content.split('\n').forEach((raw, index) => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    try {
      JSON.parse(text);
    } catch (error) {
      read.problem(index + 1, `is not valid JSON: ${syntaxError(error)}`);
      return;
    }
    read.add(index + 1, text);
  });
  return { ok: true, unit: 'line', items: read.items, problems: read.problems };
}

function readJsonArray(content: string): Items | { ok: false; message: string } {
  let values: unknown;
  try {
    values = JSON.parse(content);
  } catch (error) {
    const { errorAt } = scanJson(content);
    const where = errorAt === null ? '' : ` at line ${linesAt(content, [errorAt])[0]}`;
    return {
      ok: false,
      message: `The file is not valid JSON${where}: ${syntaxError(error)}. Nothing was sent.`,
    };
  }
  if (!Array.isArray(values)) {
    return {
      ok: false,
      message: 'A .json file must hold one array of developments ([{…}, {…}]). Nothing was sent.',
    };
  }
  const lines = linesAt(content, scanJson(content).itemStarts);
  const read = new ItemsRead();
  values.forEach((value: unknown, index) => read.add(lines[index] ?? 1, JSON.stringify(value)));
  return { ok: true, unit: 'item', items: read.items, problems: read.problems };
}

/** What JSON.parse found wrong, without its copy of the text or its position (lines are given apart). */
function syntaxError(error: unknown): string {
  return (error as Error).message
    .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '');
}

/** The items of a file as they are read, numbered in order; those too large to send are problems. */
class ItemsRead {
  readonly items: ImportItem[] = [];
  readonly problems: ItemProblem[] = [];
  private count = 0;

  add(line: number, text: string): void {
    const bytes = utf8.encode(text).length;
    if (bytes > MAX_CHUNK_BYTES) return this.problem(line, TOO_LARGE_MESSAGE);
    this.count += 1;
    this.items.push({ line, number: this.count, text, bytes });
  }

  problem(line: number, message: string): void {
    this.count += 1;
    this.problems.push({ line, number: this.count, details: [{ path: '', message }] });
  }
}
