export { continuesAfterBreak } from './abbreviations';
export { findQuotations, isInside } from './quotes';
export { segmentText, splitParagraphs, splitSentences } from './segment';
export { trimSpan } from './spans';
export type { Paragraph, Sentence, TextSpan } from './spans';
