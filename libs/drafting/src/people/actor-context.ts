import type { Vocabulary } from '../draft';
import {
  FUNCTION_WORDS,
  INSTITUTION_WORDS,
  MONTHS,
  NAME_PARTICLES,
  WEEKDAYS,
  isRoleWord,
} from './lexicon';
import {
  entriesFor,
  surnamesFor,
  vocabularyIndex,
  type PersonName,
  type Target,
  type VocabularyIndex,
} from './name-index';
import { nameWord, sameWord, type NameWord } from './name-words';
import { lowercaseWords, tokenize, type Span, type Token } from './tokens';

/** What a word is to a name: part of one, a title, a function word... */
export type WordClass =
  'name' | 'acronym' | 'role' | 'institution' | 'particle' | 'stop' | 'number' | 'lower';

export type FoundTarget = Target | { kind: 'new'; id: string; name: string };

/** A name found on tokens [first, last). */
export interface Found {
  first: number;
  last: number;
  target: FoundTarget;
  person: boolean;
  affiliation?: string;
}

/** What findActors knows of one span while it reads it: its words and what they are. */
export interface Context {
  text: string;
  tokens: Token[];
  classes: WordClass[];
  index: VocabularyIndex;
  /** People proposed as new in this span, for their surnames alone further on. */
  locals: Map<string, PersonName[]>;
  /** Single capitalised words no rule resolved: perhaps a new person's surname used later. */
  pending: number[];
  used: boolean[];
  word(i: number): NameWord;
}

export function contextOf(text: string, span: Span, vocabulary: Vocabulary): Context {
  const { tokens } = tokenize(text, span);
  const words = new Array<NameWord | undefined>(tokens.length);
  const context: Context = {
    text,
    tokens,
    classes: [],
    index: vocabularyIndex(vocabulary),
    locals: new Map(),
    pending: [],
    used: new Array<boolean>(tokens.length).fill(false),
    word: (i) => (words[i] ??= nameWord(tokens[i].text)),
  };
  const lowercase = lowercaseWords(text);
  context.classes = tokens.map((_, i) => classify(context, i, lowercase));
  return context;
}

export const ROMAN = /^(?:I{1,3}|IV|VI{0,3})$/;

function classify(context: Context, i: number, lowercase: ReadonlySet<string>): WordClass {
  const token = context.tokens[i];
  const previous = context.tokens[i - 1];
  if (token.number) return 'number';
  if (token.allCaps) {
    const suffix = ROMAN.test(token.text) && previous?.cap && joins(context, i);
    return suffix ? 'name' : 'acronym';
  }
  const lower = token.lower;
  if (isRoleWord(lower)) return 'role';
  if (!token.cap) {
    if (NAME_PARTICLES.has(lower)) return 'particle';
    return FUNCTION_WORDS.has(lower) ? 'stop' : 'lower';
  }
  if (INSTITUTION_WORDS.has(lower)) return 'institution';
  if (FUNCTION_WORDS.has(lower) || WEEKDAYS.has(lower)) return 'stop';
  if (MONTHS.has(lower) && (token.initial || nearNumber(context, i))) return 'stop';
  if (token.initial && isCommonWord(token, lowercase) && !isKnownWord(context, i)) return 'stop';
  return 'name';
}

/**
 * A capitalised word that opens a sentence is common when the text also writes it in
 * lowercase, or when it has the ending of an English adverb or participle (Afterwards,
 * Speaking, Reportedly).
 */
function isCommonWord(token: Token, lowercase: ReadonlySet<string>): boolean {
  if (lowercase.has(token.lower)) return true;
  return !token.cyrillic && token.lower.length > 5 && /(?:wards|ing|ed|ly)$/.test(token.lower);
}

function nearNumber(context: Context, i: number): boolean {
  const { tokens } = context;
  return !!(tokens[i - 1]?.number || tokens[i + 1]?.number);
}

function isKnownWord(context: Context, i: number): boolean {
  const word = context.word(i);
  const single = entriesFor(context.index, word).some(
    (entry) => typeof entry.words[0] !== 'string' && sameWord(word, entry.words[0]),
  );
  return single || surnamesFor(context.index.surnames, word).length > 0;
}

/** The next token follows this one inside a name: a space or a hyphen, the same sentence. */
export function joins(context: Context, i: number): boolean {
  const token = context.tokens[i];
  const previous = context.tokens[i - 1];
  if (!previous || previous.sentence !== token.sentence || previous.possessive) return false;
  if (token.hyphenated || /^[ \t\u00a0]+$/.test(token.gap)) return true;
  return previous.text.length === 1 && previous.cap && /^\.[ \t\u00a0]+$/.test(token.gap);
}

/** Token i follows the one before it in the same sentence, with only a space or a hyphen. */
export function follows(context: Context, i: number): boolean {
  const token = context.tokens[i];
  const previous = context.tokens[i - 1];
  return !!previous && previous.sentence === token.sentence && plainGap(token);
}

export function plainGap(token: Token): boolean {
  return /^[ \t\u00a0]+$/.test(token.gap) || token.hyphenated;
}

export function foundOf(target: FoundTarget, first: number, last: number): Found {
  return { first, last, target, person: isPersonTarget(target) };
}

export function isPersonTarget(target: FoundTarget): boolean {
  return target.kind === 'new' || (target.kind === 'actor' && target.person);
}
