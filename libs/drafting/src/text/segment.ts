import { continuesAfterBreak } from './abbreviations';
import { Paragraph, Sentence, TextSpan, trimSpan } from './spans';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Paragraphs are the text's lines that hold something other than white space. */
export function splitParagraphs(text: string): TextSpan[] {
  const paragraphs: TextSpan[] = [];
  const lineBreak = /\r\n|[\n\r\u2028\u2029]/gu;
  let start = 0;
  for (;;) {
    const match = lineBreak.exec(text);
    const end = match ? match.index : text.length;
    const span = trimSpan(text, { start, end });
    if (span.end > span.start) paragraphs.push(span);
    if (!match) break;
    start = match.index + match[0].length;
  }
  return paragraphs;
}

/**
 * The sentences of a paragraph, with offsets into the whole text. Intl.Segmenter (Unicode
 * sentence boundaries) works for English and Cyrillic alike; the breaks it makes after
 * abbreviations and initials are mended.
 */
export function splitSentences(text: string, paragraph: TextSpan, index = 0): Sentence[] {
  const sentences: Sentence[] = [];
  const slice = text.slice(paragraph.start, paragraph.end);
  for (const segment of segmenter.segment(slice)) {
    const span = trimSpan(text, {
      start: paragraph.start + segment.index,
      end: paragraph.start + segment.index + segment.segment.length,
    });
    if (span.end <= span.start) continue;
    const previous = sentences.at(-1);
    if (
      previous &&
      continuesAfterBreak(
        text.slice(previous.start, previous.end),
        text.slice(span.start, span.end),
      )
    ) {
      previous.end = span.end;
    } else {
      sentences.push({ ...span, paragraph: index });
    }
  }
  return sentences;
}

/** The article as paragraphs of sentences. */
export function segmentText(text: string): Paragraph[] {
  return splitParagraphs(text).map((span, index) => ({
    ...span,
    index,
    sentences: splitSentences(text, span, index),
  }));
}
