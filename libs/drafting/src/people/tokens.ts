import { isCyrillic } from './cyrillic';

export interface Span {
  start: number;
  end: number;
}

/** A word of the text (or a number), with what tells a name from the words around it. */
export interface Token {
  /** The word as written, without a possessive "'s"; dotted abbreviations without dots (U.S. -> US). */
  text: string;
  lower: string;
  /** Offsets of `text` in the whole text (a possessive "'s" lies after `end`). */
  start: number;
  end: number;
  sentence: number;
  /** First word of its sentence, or right after a colon, an opening quote or a line break. */
  initial: boolean;
  possessive: boolean;
  /** Starts with an uppercase letter. */
  cap: boolean;
  /** Two letters or more, all uppercase: an abbreviation (NATO, US, РНБО). */
  allCaps: boolean;
  number: boolean;
  cyrillic: boolean;
  /** Joined to the previous word by a hyphen (Jean-Claude, US-Ukraine). */
  hyphenated: boolean;
  /** The characters between the previous word (or the span's start) and this one. */
  gap: string;
}

export interface Sentence extends Span {
  /** Index of its first token and one past its last. */
  first: number;
  last: number;
}

export interface Tokens {
  tokens: Token[];
  sentences: Sentence[];
}

const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
const POSSESSIVE = /['’]s$/;
const UPPER = /^\p{Lu}/u;
const LETTER = /\p{L}/u;
const LOWER_LETTER = /\p{Ll}/u;
const DIGIT_START = /^\p{N}/u;
const SENTENCE_END = /[.!?…]+['"”’»)\]]*(?=\s|$)/u;
const LINE_BREAK = /\n/;
const OPENS_CLAUSE = /[:“«„"(]|\n/;
const HYPHENS = new Set(['-', '‐', '‑']);

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'prof',
  'gov',
  'sen',
  'rep',
  'no',
  'vs',
  'etc',
  'approx',
  'inc',
  'ltd',
  'co',
  'corp',
  'mt',
  'ft',
  'ім',
  'ін',
  'тис',
  'млн',
  'млрд',
  'грн',
  'руб',
  'др',
  'проф',
  'акад',
  'ген',
  'т',
  'зв',
  'див',
  'пор',
]);

export function tokenize(text: string, span: Span): Tokens {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const source = text.slice(span.start, span.end);
  let previousEnd = 0;
  let sentenceStart = skipSpaces(source, 0);
  WORD.lastIndex = 0;
  for (let match = WORD.exec(source); match; match = WORD.exec(source)) {
    const raw = match[0];
    const gap = source.slice(previousEnd, match.index);
    const previous = tokens[tokens.length - 1];
    let boundary = -1;
    if (previous) {
      const end = SENTENCE_END.exec(gap);
      if (end && !isAbbreviation(previous, gap)) boundary = end.index + end[0].length;
      else if (LINE_BREAK.test(gap)) boundary = gap.search(LINE_BREAK) + 1;
    }
    if (boundary >= 0) {
      const cut = previousEnd + boundary;
      sentences.push(sentenceOf(source, span.start, sentenceStart, cut, sentences.length, tokens));
      sentenceStart = skipSpaces(source, cut);
    }
    const dotted = raw.includes('.');
    const possessive = !dotted && POSSESSIVE.test(raw) && raw.length > 3;
    const word = dotted ? raw.replace(/\./g, '') : possessive ? raw.slice(0, -2) : raw;
    const start = span.start + match.index;
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end: start + (dotted ? raw.length : word.length),
      sentence: sentences.length,
      initial: !previous || boundary >= 0 || OPENS_CLAUSE.test(gap),
      possessive,
      cap: UPPER.test(word),
      allCaps: word.length >= 2 && LETTER.test(word) && !LOWER_LETTER.test(word),
      number: DIGIT_START.test(word),
      cyrillic: isCyrillic(word),
      hyphenated: !!previous && HYPHENS.has(gap),
      gap,
    });
    previousEnd = match.index + raw.length;
  }
  if (tokens.length > 0 || source.trim() !== '') {
    sentences.push(
      sentenceOf(source, span.start, sentenceStart, source.length, sentences.length, tokens),
    );
  }
  return { tokens, sentences };
}

function sentenceOf(
  source: string,
  offset: number,
  start: number,
  end: number,
  index: number,
  tokens: Token[],
): Sentence {
  let trimmed = end;
  while (trimmed > start && /\s/.test(source[trimmed - 1])) trimmed -= 1;
  let first = tokens.length;
  while (first > 0 && tokens[first - 1].sentence === index) first -= 1;
  return { start: offset + start, end: offset + trimmed, first, last: tokens.length };
}

function skipSpaces(source: string, from: number): number {
  let i = from;
  while (i < source.length && /\s/.test(source[i])) i += 1;
  return i;
}

/** "Mr. Smith", "J. Smith", "U.S. officials": the period belongs to the word before it. */
function isAbbreviation(previous: Token, gap: string): boolean {
  if (!gap.startsWith('.')) return false;
  if (ABBREVIATIONS.has(previous.lower)) return true;
  return previous.text.length === 1 && previous.cap;
}

/** The lowercase words a text uses, to tell a capitalised common word from a name. */
export function lowercaseWords(text: string): ReadonlySet<string> {
  if (cachedText === text && cachedWords) return cachedWords;
  const found = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (LOWER_LETTER.test(word[0])) found.add(word.toLowerCase());
  }
  cachedText = text;
  cachedWords = found;
  return found;
}

let cachedText: string | null = null;
let cachedWords: ReadonlySet<string> | null = null;
