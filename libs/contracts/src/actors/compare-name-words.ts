import type { NameWord } from './parse-actor-name';

/**
 * How two words of names relate: `same` key, a `variant` spelling the folding did not
 * catch (Dmitry/Dmytro, Volodymyr/Vladimir, Kremlin/Kreml), a `gender` form of one
 * another (Zelensky/Zelenska, Putin/Putina), `compatible` (alike but not enough to be
 * one name on their own), or `different`.
 */
export type NameWordMatch = 'same' | 'variant' | 'gender' | 'compatible' | 'different';

export function compareNameWords(a: NameWord, b: NameWord): NameWordMatch {
  const x = a.key.length <= b.key.length ? a.key : b.key;
  const y = x === a.key ? b.key : a.key;
  if (x === y) return 'same';
  if (isGenderForm(x, y)) return 'gender';
  // An initial J is a Й in most languages that write it (Jens, Jaroslav), a Дж in English.
  if (y === `j${x}` && x.length >= 2) return 'variant';
  if (x.length >= 5 && y.startsWith(x) && y.length - x.length <= 2) return 'variant';
  const tolerance = Math.max(2, Math.floor(y.length / 3));
  if (y.length - x.length > tolerance) return 'different';
  const distance = levenshtein(x, y);
  // Spellings of one name that the folding leaves apart keep its first letter and differ by
  // a dropped or doubled letter, a vowel or two letters swapped; another consonant in the
  // same place is another name (Malenko and Dalenko, Bolenko and Boshenko).
  if (x[0] === y[0]) {
    const edits = spellingEdits(x, y);
    if ((edits <= 1 && x.length >= 4) || (edits <= 2 && x.length >= 9)) return 'variant';
  }
  return distance <= Math.max(1, Math.floor(y.length / 3)) ? 'compatible' : 'different';
}

/**
 * One key is the other's feminine form: an -a added (Putin/Putina, Ivanov/Ivanova) or in
 * place of the masculine -i (Zelensky/Zelenska). An -o/-a pair (Lukashenko/Lukashenka)
 * is a spelling of one ungendered surname.
 */
function isGenderForm(shorter: string, longer: string): boolean {
  if (shorter.length < 3) return false;
  if (longer === `${shorter}a`) return true;
  const stem = shorter.slice(0, -1);
  const ends = `${shorter[shorter.length - 1]}${longer[longer.length - 1]}`;
  return (
    shorter.length === longer.length && longer.startsWith(stem) && (ends === 'ai' || ends === 'ia')
  );
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * Consonants that stand for one sound in different orthographies, after folding: German
 * ch and Cyrillic х (Friedrich, Фрідріх), Ukrainian г and Russian г (h, g), Turkish c and
 * Cyrillic дж (Recep, Реджеп), a final devoiced v (Ivanov, Ivanoff).
 */
const SOFT_CONSONANTS = new Set([
  'kh',
  'hk',
  'gh',
  'hg',
  'sj',
  'js',
  'zj',
  'jz',
  'cj',
  'jc',
  'vf',
  'fv',
]);

/**
 * Edits between two spellings of one name: an inserted or dropped letter, a vowel for
 * another, one of the soft consonant pairs and two neighbours swapped count one; any other
 * consonant for another counts two.
 */
function spellingEdits(a: string, b: string): number {
  // Three rows of the Damerau table: two back (for swaps), the previous and the current.
  let twoBack = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const x = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const y = b[j - 1];
      const substitution =
        x === y ? 0 : (VOWELS.has(x) && VOWELS.has(y)) || SOFT_CONSONANTS.has(x + y) ? 1 : 2;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution);
      if (i > 1 && j > 1 && x === b[j - 2] && a[i - 2] === y)
        best = Math.min(best, twoBack[j - 2] + 1);
      current[j] = best;
    }
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[b.length];
}

/** Edit distance; the rows are reused between calls, as names are short. */
function levenshtein(a: string, b: string): number {
  if (b.length < ROW_CAPACITY) return levenshteinWith(a, b, ROW_A, ROW_B);
  return levenshteinWith(a, b, new Uint32Array(b.length + 1), new Uint32Array(b.length + 1));
}

const ROW_CAPACITY = 64;
const ROW_A = new Uint32Array(ROW_CAPACITY);
const ROW_B = new Uint32Array(ROW_CAPACITY);

function levenshteinWith(a: string, b: string, rowA: Uint32Array, rowB: Uint32Array): number {
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const edit = previous[j] < current[j - 1] ? previous[j] + 1 : current[j - 1] + 1;
      current[j] = edit < substitution ? edit : substitution;
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[b.length];
}
