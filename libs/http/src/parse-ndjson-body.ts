import { isNestedTooDeep, MAX_JSON_DEPTH } from './parse-json-body';

/**
 * One non-blank line of an NDJSON body: its text, or why it has none. The JSON is parsed
 * line by line when the route gets to it (`parseNdjsonLine`), so a large body is not held
 * as text and as parsed values at once.
 */
export type NdjsonLine =
  { line: number; ok: true; text: string } | { line: number; ok: false; message: string };

export type ParsedNdjsonLine = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * An NDJSON body (`application/x-ndjson`), one entry per non-blank line. A broken line is
 * reported as such and does not spoil the others; only a route that asks for NDJSON takes it.
 */
export class NdjsonBody {
  constructor(readonly lines: NdjsonLine[]) {}
}

const NEWLINE = 0x0a;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseNdjsonBody(raw: Buffer): NdjsonBody {
  const lines: NdjsonLine[] = [];
  let start = 0;
  for (let number = 1; start <= raw.length; number++) {
    let end = raw.indexOf(NEWLINE, start);
    if (end === -1) end = raw.length;
    const entry = decodeLine(raw.subarray(start, end), number);
    if (entry) lines.push(entry);
    start = end + 1;
  }
  return new NdjsonBody(lines);
}

/** The JSON value of a line, or why it has none. */
export function parseNdjsonLine(text: string): ParsedNdjsonLine {
  if (isNestedTooDeep(text)) {
    return { ok: false, message: `is nested deeper than ${MAX_JSON_DEPTH} levels` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `is not valid JSON: ${(error as Error).message}` };
  }
}

function decodeLine(bytes: Buffer, line: number): NdjsonLine | null {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { line, ok: false, message: 'is not valid UTF-8' };
  }
  if (text.trim() === '') return null;
  return { line, ok: true, text };
}
