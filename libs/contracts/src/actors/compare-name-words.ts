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
  if ((distance <= 1 && x.length >= 4) || (distance <= 2 && x.length >= 7)) return 'variant';
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
