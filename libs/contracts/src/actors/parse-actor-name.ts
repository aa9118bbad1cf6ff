import anyAscii from 'any-ascii';
import { foldLatinWord } from './fold-latin-word';

/** What a word of a name is for: only `word`s identify the actor. */
export type NameWordRole = 'word' | 'initial' | 'patronymic' | 'particle' | 'article' | 'suffix';

export interface NameWord {
  /** Lowercase ASCII spelling, apostrophes removed. */
  readonly ascii: string;
  /** Phonetic key, see foldLatinWord. */
  readonly key: string;
  readonly role: NameWordRole;
}

/** Shared between callers (parses are cached), hence read-only. */
export interface ParsedActorName {
  readonly words: readonly NameWord[];
  /** The words that identify the actor, in order (never empty when `words` is not). */
  readonly significant: readonly NameWord[];
  /** 'jr' or 'sr' or a roman numeral; null when the name has none. */
  readonly generation: string | null;
  /** The name contains letters of a script other than Latin (Cyrillic, Greek, ...). */
  readonly nonLatin: boolean;
  /** The name contains Latin letters with diacritics (Š, ğ, é). */
  readonly diacritics: boolean;
  /** The name as written, NFC, lowercase, spaces collapsed: equal only for one spelling. */
  readonly spelling: string;
}

export function parseActorName(name: string): ParsedActorName {
  const cached = PARSED.get(name);
  if (cached) return cached;
  // The server compares one name with ~200 candidates, and candidates recur across requests.
  if (PARSED.size >= PARSED_CAPACITY) PARSED.clear();
  const parsed = parseUncached(name);
  PARSED.set(name, parsed);
  return parsed;
}

const PARSED = new Map<string, ParsedActorName>();
/** About half a kilobyte each: enough for the names of a large read model. */
const PARSED_CAPACITY = 32_768;

function parseUncached(name: string): ParsedActorName {
  const nfc = name.normalize('NFC');
  const ascii = (!NON_ASCII.test(nfc) ? nfc : anyAscii(nfc.replace(HACEK_LETTERS, spellHacek)))
    .toLowerCase()
    .replace(APOSTROPHES, '');
  let raw = ascii.split(NON_ALPHANUMERIC).filter(Boolean);
  // any-ascii knows every script, but a name must never lose its letters entirely.
  if (raw.length === 0) raw = nfc.toLowerCase().split(NON_LETTERS).filter(Boolean);
  const words = markPatronymics(raw.map((word, i) => classifyWord(word, i, raw.length)));
  const significant = words.filter((w) => w.role === 'word');
  const suffix = words.find((w) => w.role === 'suffix');
  return {
    words,
    significant: significant.length > 0 ? significant : words,
    generation: suffix ? (GENERATIONS.get(suffix.ascii) ?? null) : null,
    nonLatin: NON_LATIN_LETTER.test(nfc),
    diacritics: LATIN_DIACRITIC.test(nfc),
    spelling: nfc.toLowerCase().replace(SPACES, ' ').trim(),
  };
}

function classifyWord(ascii: string, index: number, count: number): NameWord {
  const key = foldLatinWord(ascii) || ascii;
  const word = (role: NameWordRole): NameWord => ({ ascii, key, role });
  const last = index === count - 1;
  if (count === 1) return word('word');
  if (ascii === 'the' && index === 0) return word('article');
  if (index > 0 && GENERATIONS.has(ascii)) return word('suffix');
  if (!last && PARTICLES.has(ascii)) return word('particle');
  if (ascii.length === 1 && !last) return word('initial');
  return word('word');
}

/** A middle word shaped like a patronymic (Vladimirovich, Volodymyrovych, Ivanovna). */
function markPatronymics(words: NameWord[]): NameWord[] {
  const named = words.filter((w) => w.role === 'word');
  const middle = new Set(named.slice(1, -1));
  return words.map((w) =>
    middle.has(w) && w.ascii.length >= 7 && PATRONYMIC_ENDING.test(w.ascii)
      ? { ...w, role: 'patronymic' }
      : w,
  );
}

/** Letters whose háček any-ascii would drop, though it is the h of Šefčovič's sh and ch. */
const HACEK_LETTERS = /[ŠšČčŽžŚśĆćŹźŻż]/g;
const HACEK_SPELLINGS: Readonly<Record<string, string>> = {
  š: 'sh',
  č: 'ch',
  ž: 'zh',
  ś: 'sh',
  ć: 'ch',
  ź: 'zh',
  ż: 'zh',
};

function spellHacek(letter: string): string {
  const lower = letter.toLowerCase();
  const spelled = HACEK_SPELLINGS[lower] ?? lower;
  return letter === lower ? spelled : spelled[0].toUpperCase() + spelled.slice(1);
}

const NON_ASCII = /[^\x20-\x7e]/;
const APOSTROPHES = /['`]/g;
const SPACES = /\s+/g;
const NON_ALPHANUMERIC = /[^a-z0-9]+/;
const NON_LETTERS = /[^\p{L}\p{N}]+/u;
const NON_LATIN_LETTER = /(?![\p{Script=Latin}])\p{L}/u;
const LATIN_DIACRITIC = /[\u00C0-\u024F\u1E00-\u1EFF]/;
const PATRONYMIC_ENDING = /(?:ovi?ch|evi?ch|ovych|evych|ovna|evna|ivna|yivna|ichna)$/;

const PARTICLES = new Set([
  'von',
  'van',
  'fon',
  'fan',
  'der',
  'den',
  'de',
  'du',
  'da',
  'di',
  'del',
  'della',
  'la',
  'le',
  'dos',
  'das',
  'ten',
  'ter',
  'bin',
  'ibn',
]);

/** Generational suffixes; 'ml' is the Russian and Ukrainian abbreviation of "junior". */
const GENERATIONS = new Map([
  ['jr', 'jr'],
  ['junior', 'jr'],
  ['ml', 'jr'],
  ['mladshii', 'jr'],
  ['mladshiy', 'jr'],
  ['molodshii', 'jr'],
  ['molodshiy', 'jr'],
  ['sr', 'sr'],
  ['senior', 'sr'],
  ['ii', 'ii'],
  ['iii', 'iii'],
  ['iv', 'iv'],
]);
