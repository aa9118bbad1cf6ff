import { actorNameKeys, compareActors } from '@app/contracts';
import { cyrillicStem, isCyrillic, isFeminineAdjectival } from './cyrillic';

/**
 * One word of a name, with the keys it is matched by: the phonetic key of
 * libs/contracts (Zelensky, Zelenskyy and Зеленський share one), and for Cyrillic the key
 * of its stem without the case ending (Зеленського, Путіна, Умєрова).
 */
export interface NameWord {
  text: string;
  key: string;
  /** The key without its final vowel class: the stem an inflected form may meet. */
  keyStem: string;
  cyrillic: boolean;
  /** Cyrillic only: the lowercase stem without the case ending, and its key. */
  stem?: string;
  stemKey?: string;
  /** A feminine adjectival form (Зеленська), which must not meet the masculine name. */
  feminine: boolean;
}

export function nameWord(text: string): NameWord {
  const key = keyOf(text);
  const cyrillic = isCyrillic(text);
  const word: NameWord = { text, key, keyStem: keyStemOf(key), cyrillic, feminine: false };
  if (!cyrillic) return word;
  const stem = cyrillicStem(text);
  return { ...word, stem, stemKey: keyOf(stem), feminine: isFeminineAdjectival(text) };
}

/** The keys under which a word is looked up in an index of name words. */
export function lookupKeys(word: NameWord): string[] {
  if (!word.cyrillic) return [word.key];
  const keys = [word.key, word.keyStem];
  if (word.stemKey !== undefined) keys.push(word.stemKey, keyStemOf(word.stemKey));
  return [...new Set(keys)];
}

/** The keys under which a known word is stored. */
export function storedKeys(word: NameWord): string[] {
  return word.keyStem === word.key ? [word.key] : [word.key, word.keyStem];
}

/**
 * Whether a word of the text is this word of a known name: the same key, or for Cyrillic
 * text an inflected form of it (case endings differ, and transliteration drops a final
 * vowel that the other script writes).
 */
export function sameWord(text: NameWord, known: NameWord): boolean {
  if (text.key === known.key) return true;
  if (!text.cyrillic || text.feminine) return false;
  if (known.cyrillic && known.stem !== undefined) return text.stem === known.stem;
  const stemKey = text.stemKey ?? text.key;
  return (
    stemKey === known.key ||
    stemKey === known.keyStem ||
    keyStemOf(stemKey) === known.keyStem ||
    text.keyStem === known.key
  );
}

/**
 * A given name of the text and of a known name: the same word, an initial of it, or a
 * spelling of it that compareActors takes for one name (Vladimir and Volodymyr).
 */
export function sameGivenName(text: NameWord, known: NameWord): boolean {
  if (sameWord(text, known)) return true;
  if (text.text.length === 1) return asciiInitial(text.text) === asciiInitial(known.text);
  const forms = text.stem !== undefined ? [text.text, text.stem] : [text.text];
  return forms.some(
    (form) =>
      compareActors(
        { id: 'text', name: form, affiliation: null },
        { id: 'known', name: known.text, affiliation: null },
      ).score >= VARIANT_SCORE,
  );
}

/** compareActors' score for two single words that are spellings of one name. */
const VARIANT_SCORE = 0.85;

/**
 * A surname written with a case ending in Latin letters, as machine translation leaves
 * them ("talks between Umerova and Hnatova"): the known key plus a final -a. Only for a
 * surname ending in a consonant, so that Zelenska never meets Zelensky.
 */
export function isLatinCaseForm(text: NameWord, known: NameWord): boolean {
  return (
    !text.cyrillic &&
    known.key.length >= 4 &&
    text.key === `${known.key}a` &&
    !/[aio]$/.test(known.key) &&
    /[bcdfghjklmnpqrstvwxz]$/.test(text.text.slice(0, -1).toLowerCase())
  );
}

function keyOf(word: string): string {
  return actorNameKeys(word).tokens[0] ?? word.toLowerCase();
}

function keyStemOf(key: string): string {
  return key.length >= 3 && /[aio]$/.test(key) ? key.slice(0, -1) : key;
}

function asciiInitial(word: string): string {
  return keyOf(word).slice(0, 1);
}
