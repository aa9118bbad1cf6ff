/** A stretch of the article: UTF-16 offsets, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface Sentence extends TextSpan {
  /** Index of its paragraph in the article. */
  paragraph: number;
}

export interface Paragraph extends TextSpan {
  index: number;
  sentences: Sentence[];
}

/** The span without the white space at its ends. */
export function trimSpan(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return { start, end };
}
