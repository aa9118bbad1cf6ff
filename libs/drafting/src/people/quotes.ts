/** A quotation: the marks at `open` and before `close`, the words at [start, end). */
export interface Quote {
  open: number;
  close: number;
  start: number;
  end: number;
  text: string;
}

/** Opening marks and the marks that close them: “…”, «…», „…“ (or „…”), "…". */
const PAIRS: Readonly<Record<string, string>> = {
  '“': '”',
  '«': '»',
  '„': '“”',
  '"': '"',
};

/** The statement schema's limit on a quote. */
const MAX_QUOTE = 2000;

/**
 * The quotations in text[span.start, span.end), outermost only. Names in quotation marks
 * ("the “Plan for Prosperity”") and single words are not quotations.
 */
export function findQuotes(text: string, span: { start: number; end: number }): Quote[] {
  const quotes: Quote[] = [];
  let i = span.start;
  while (i < span.end) {
    const closers = PAIRS[text[i]];
    if (closers === undefined || (text[i] === '"' && /\s/.test(text[i + 1] ?? ' '))) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < span.end && !closers.includes(text[j])) j += 1;
    if (j >= span.end) {
      i += 1;
      continue;
    }
    const quote = quoteOf(text, i, j);
    if (quote) quotes.push(quote);
    i = j + 1;
  }
  return quotes;
}

function quoteOf(text: string, open: number, closeMark: number): Quote | null {
  const inner = text.slice(open + 1, closeMark);
  const leading = inner.length - inner.trimStart().length;
  const trimmed = inner.trim().replace(/[\s,;:]+$/u, '');
  if (trimmed.length === 0 || trimmed.length > MAX_QUOTE || isName(trimmed)) return null;
  const start = open + 1 + leading;
  return { open, close: closeMark + 1, start, end: start + trimmed.length, text: trimmed };
}

/** One word, or a few words whose long ones are all capitalised: a title, not a quotation. */
function isName(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  if (words.length < 2) return true;
  if (words.length > 6) return false;
  const long = words.filter((w) => w.length >= 4);
  return long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w));
}
