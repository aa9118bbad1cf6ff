import { TextSpan } from './spans';

const CLOSING: Record<string, string> = {
  '“': '”',
  '«': '»',
  '„': '“”',
  '"': '"',
};

/**
 * The quotations of a span of text (the quotation marks included). A quotation left open
 * runs to the end of the span.
 */
export function findQuotations(text: string, span: TextSpan): TextSpan[] {
  const quotations: TextSpan[] = [];
  let index = span.start;
  while (index < span.end) {
    const closing = CLOSING[text[index]];
    if (closing === undefined) {
      index++;
      continue;
    }
    let end = index + 1;
    while (end < span.end && !closing.includes(text[end])) end++;
    quotations.push({ start: index, end: Math.min(end + 1, span.end) });
    index = end + 1;
  }
  return quotations;
}

export function isInside(span: TextSpan, spans: readonly TextSpan[]): boolean {
  return spans.some((outer) => outer.start <= span.start && span.end <= outer.end);
}
