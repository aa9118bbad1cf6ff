/** Where a JSON text breaks, and where the items of its top-level array begin. */
export interface JsonScan {
  /** The offset of the first character that cannot be there; null when the text is valid JSON. */
  errorAt: number | null;
  /** The offsets where the values of a top-level array begin (as far as the text is valid). */
  itemStarts: number[];
}

// JSON strings may not hold control characters (U+0000 to U+001F) unescaped.
// eslint-disable-next-line no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const SPACE = /[ \t\n\r]*/y;

/**
 * Walks a JSON text (RFC 8259) without building its values. `JSON.parse` says what is wrong
 * but not always where (`Unexpected token ']'` has no position); this says where.
 */
export function scanJson(text: string): JsonScan {
  const itemStarts: number[] = [];
  let at = 0;
  let depth = 0;

  const space = () => {
    SPACE.lastIndex = at;
    SPACE.test(text);
    at = SPACE.lastIndex;
  };
  const token = (pattern: RegExp): boolean => {
    pattern.lastIndex = at;
    if (!pattern.test(text)) return false;
    at = pattern.lastIndex;
    return true;
  };
  const take = (char: string): boolean => {
    space();
    if (text[at] !== char) return false;
    at += 1;
    return true;
  };

  function value(): boolean {
    space();
    if (text[at] === '[') return list(']', () => member(depth === 1));
    if (text[at] === '{') return list('}', property);
    return token(STRING) || token(NUMBER) || token(LITERAL);
  }

  function member(topLevel: boolean): boolean {
    space();
    if (topLevel) itemStarts.push(at);
    return value();
  }

  function property(): boolean {
    space();
    return token(STRING) && take(':') && value();
  }

  /** `[` or `{` at `at`: its entries up to `close`, separated by commas. */
  function list(close: string, entry: () => boolean): boolean {
    at += 1;
    depth += 1;
    if (!take(close)) {
      do {
        if (!entry()) return false;
      } while (take(','));
      if (!take(close)) return false;
    }
    depth -= 1;
    return true;
  }

  try {
    if (!value()) return { errorAt: at, itemStarts };
  } catch {
    // Nested deeper than the stack allows: no valid development is.
    return { errorAt: at, itemStarts };
  }
  space();
  return { errorAt: at < text.length ? at : null, itemStarts };
}

/** The lines (from 1) of offsets of the text, given in ascending order. */
export function linesAt(text: string, offsets: readonly number[]): number[] {
  const lines: number[] = [];
  let line = 1;
  let from = 0;
  for (const offset of offsets) {
    let next = text.indexOf('\n', from);
    while (next !== -1 && next < offset) {
      line += 1;
      from = next + 1;
      next = text.indexOf('\n', from);
    }
    lines.push(line);
  }
  return lines;
}
