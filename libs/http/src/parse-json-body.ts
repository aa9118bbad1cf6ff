import { ApiError } from './api-error';

/** Deeper than any valid request; rejected before it can reach recursive code. */
export const MAX_JSON_DEPTH = 32;

/**
 * Strict JSON body parsing: the bytes must be valid UTF-8 (no silent replacement
 * characters), the text valid JSON, and the nesting sane.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function parseJsonBody(raw: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw new ApiError('invalid_json', 'The body is not valid UTF-8.');
  }
  if (isNestedTooDeep(text)) {
    throw new ApiError('invalid_json', `The body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError('invalid_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Whether the text nests deeper than MAX_JSON_DEPTH. A text with no more opening brackets than
 * that cannot, and counting them with indexOf is far cheaper than the full scan.
 */
export function isNestedTooDeep(text: string): boolean {
  let brackets = 0;
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1)) {
      if (++brackets > MAX_JSON_DEPTH) return nestingDepth(text) > MAX_JSON_DEPTH;
    }
  }
  return false;
}

/** Deepest bracket nesting outside string literals. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x7d || char === 0x5d) depth--;
  }
  return deepest;
}
