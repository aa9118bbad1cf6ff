import anyAscii from 'any-ascii';

/**
 * The longest term stored or prefix looked up, in characters: a name of 200 characters can
 * fold to many more (ligatures, transliteration), and an index entry has a size limit.
 */
export const MAX_SEARCH_TERM_LENGTH = 200;

/** Terms are kept for the first words of a name only; no real name has more. */
const MAX_WORD_STARTS = 16;

/** Letters with no combining mark to drop, as someone typing them without the key would. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ħ: 'h',
  þ: 'th',
  ı: 'i',
  ς: 'σ',
};
const FOLDED_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');
const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’ʼʹ`]/g;
const NEITHER_LETTER_NOR_DIGIT = /[^\p{L}\p{N}]+/gu;
const NON_ASCII = /[^\x20-\x7e]/;

/**
 * Text as prefix search compares it: compatibility forms decomposed, lowercase, accents and
 * other marks dropped (é -> e, й -> и, ё -> е), apostrophes dropped (Zelens'kyi,
 * зобовʼязувальними), and every run of characters that are neither letters nor digits one
 * space between words.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(COMBINING_MARKS, '')
    .replace(FOLDED_LETTERS, (letter) => LETTER_FOLDS[letter])
    .replace(APOSTROPHES, '')
    .replace(NEITHER_LETTER_NOR_DIGIT, ' ')
    .trim();
}

/**
 * The forms a text is searched under: folded as written, and folded from its Latin
 * transliteration when it has other letters, so that `zel` finds Зеленський and `Мерц`
 * finds Merz's transliteration `merts`.
 */
export function searchForms(text: string): string[] {
  return [...new Set(foldedForms(text).map(truncate))];
}

/**
 * What a name (or an id) is found by: each of its forms from the start of each of its words
 * to its end (`volodymyr zelensky`, `zelensky`), so that a prefix of a term is a prefix of a
 * word and of what follows it.
 */
export function searchTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const form of foldedForms(text)) {
    const words = form.split(' ');
    for (let start = 0; start < Math.min(words.length, MAX_WORD_STARTS); start++) {
      terms.add(truncate(words.slice(start).join(' ')));
    }
  }
  return [...terms];
}

function foldedForms(text: string): string[] {
  const forms = [foldForSearch(text)];
  if (NON_ASCII.test(text)) forms.push(foldForSearch(anyAscii(text)));
  return [...new Set(forms)].filter((form) => form !== '');
}

/** At most MAX_SEARCH_TERM_LENGTH characters, never half a surrogate pair. */
function truncate(term: string): string {
  if (term.length <= MAX_SEARCH_TERM_LENGTH) return term;
  return Array.from(term).slice(0, MAX_SEARCH_TERM_LENGTH).join('').trimEnd();
}
