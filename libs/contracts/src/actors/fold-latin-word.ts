/**
 * Folds one lowercase ASCII word into a phonetic key, so that the spellings outlets use for
 * one name (Zelensky, Zelenskyy, Zelenskiy, Zelens'kyi; Merz, Merts; Sybiha, Sibiga) meet.
 *
 * Consonants that transliteration systems write differently fall into one class
 * (kh/h/g, ch/c/k/q, sh/s/z/ts, zh/dzh/j, w/v, ph/f), doubled letters collapse, and every
 * vowel run but the last becomes `a` (Trump and Трамп, Biden and Байден). The final vowel
 * keeps its class (`a`, `i` for e/i/y, `o` for o/u) because it carries the grammatical
 * gender of Slavic surnames: Zelenska is not Zelensky.
 *
 * A hand-written scan rather than regular expressions: the server folds every word of
 * ~200 candidate names per request.
 */
export function foldLatinWord(word: string): string {
  return foldVowels(dropSilentE(foldConsonants(word)));
}

/** Letter clusters by their first letter, longest first. */
const CLUSTERS: ReadonlyMap<string, ReadonlyArray<readonly [string, string]>> = new Map([
  [
    's',
    [
      ['shch', 's'],
      ['sch', 's'],
      ['sh', 's'],
      ['sz', 's'],
    ],
  ],
  [
    't',
    [
      ['tsch', 'k'],
      ['ts', 's'],
      ['tz', 's'],
      ['th', 't'],
    ],
  ],
  [
    'd',
    [
      ['dzh', 'j'],
      ['dj', 'j'],
    ],
  ],
  ['z', [['zh', 'j']]],
  ['k', [['kh', 'h']]],
  ['g', [['gh', 'h']]],
  [
    'c',
    [
      ['ch', 'k'],
      ['cz', 'k'],
      ['ck', 'k'],
    ],
  ],
  ['p', [['ph', 'f']]],
]);

const LETTER_FOLDS: Readonly<Record<string, string>> = { x: 'ks', q: 'k', w: 'v', z: 's', y: 'i' };

function foldConsonants(word: string): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const cluster = CLUSTERS.get(word[i])?.find(([spelling]) => word.startsWith(spelling, i));
    if (cluster) {
      out += cluster[1];
      i += cluster[0].length;
      continue;
    }
    const letter = word[i];
    if (letter === 'r' && word[i + 1] === 'z' && isSoftening(word[i + 2])) {
      out += 'j'; // Polish rz before e, i, y: Andrzej, Анджей
      i += 2;
      continue;
    }
    out += foldLetter(letter, word[i + 1], i === 0 ? '' : word[i - 1]);
    i += 1;
  }
  return out;
}

function foldLetter(letter: string, next: string | undefined, previous: string): string {
  switch (letter) {
    case 'c': // Pence, Cyril; Macron, Sefcovic
      return isSoftening(next) ? 's' : 'k';
    case 'g': // George, Giorgia (Джорджа); Sibiga (Sybiha)
      return isSoftening(next) ? 'j' : 'h';
    case 'j': // Kaja, Andrej; Joe, Jens
      return isVowel(previous) || previous === 'y' ? 'i' : 'j';
    case 'u': // Russian writes an English initial W as Уи/Уэ/Уо (Уиткофф, Уолтц)
      return previous === '' && next !== 'u' && isVowel(next) ? 'v' : 'u';
    default:
      return LETTER_FOLDS[letter] ?? letter;
  }
}

function isSoftening(letter: string | undefined): boolean {
  return letter === 'e' || letter === 'i' || letter === 'y';
}

function isVowel(letter: string | undefined): boolean {
  return letter === 'a' || letter === 'e' || letter === 'i' || letter === 'o' || letter === 'u';
}

/** The silent final e of English spellings (Pence, Steve, Vance) that Cyrillic drops. */
function dropSilentE(word: string): string {
  return word.length >= 4 && word.endsWith('e') && !isVowel(word[word.length - 2])
    ? word.slice(0, -1)
    : word;
}

/** Vowel runs to `a`, the final one to its class; doubled letters to one. */
function foldVowels(word: string): string {
  let out = '';
  let previous = '';
  let i = 0;
  while (i < word.length) {
    let letter = word[i];
    if (isVowel(letter)) {
      let end = i;
      while (isVowel(word[end + 1])) end += 1;
      letter = end === word.length - 1 ? finalVowel(word.slice(i, end + 1)) : 'a';
      i = end;
    }
    if (letter !== previous) out += letter;
    previous = letter;
    i += 1;
  }
  return out;
}

/** The e that closes a run is silent in English (Joe, Chloe) where Cyrillic writes Джо. */
function finalVowel(run: string): string {
  const last = run.length > 1 && run.endsWith('e') ? run[run.length - 2] : run[run.length - 1];
  return last === 'a' ? 'a' : last === 'o' || last === 'u' ? 'o' : 'i';
}
