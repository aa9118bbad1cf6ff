const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;

export function isCyrillic(word: string): boolean {
  return CYRILLIC_LETTER.test(word);
}

/**
 * Case endings of Ukrainian and Russian nouns, adjectives and surnames, longest first: the
 * stem of "Зеленського", "Зеленський" and "Зеленському" is "зеленськ", of "Росії" and
 * "Росія" "рос", of "Умєрова" and "Умєров" "умєров".
 */
const CASE_ENDINGS = [
  'ього',
  'ієм',
  'ією',
  'ого',
  'ому',
  'ові',
  'еві',
  'єві',
  'ему',
  'ими',
  'ями',
  'ами',
  'ою',
  'ею',
  'єю',
  'ії',
  'ія',
  'ію',
  'ій',
  'ів',
  'їв',
  'ах',
  'ях',
  'ам',
  'ям',
  'ом',
  'ем',
  'єм',
  'ий',
  'ої',
  'ой',
  'ей',
  'ым',
  'им',
  'ім',
  'их',
  'іх',
  'ых',
  'ую',
  'юю',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ия',
  'ии',
  'ию',
  'ь',
  'а',
  'я',
  'у',
  'ю',
  'і',
  'ї',
  'и',
  'ы',
  'е',
  'є',
  'о',
  'й',
];

const MIN_STEM = 2;

/** The word, lowercase, without its longest case ending (a stem keeps two letters at least). */
export function cyrillicStem(word: string): string {
  const lower = word.toLowerCase().replace(APOSTROPHES, '');
  for (const ending of CASE_ENDINGS) {
    if (lower.endsWith(ending) && lower.length - ending.length >= MIN_STEM) {
      return lower.slice(0, -ending.length);
    }
  }
  return lower;
}

const APOSTROPHES = /['’ʼ`]/g;

/**
 * A feminine adjectival surname or adjective (Зеленська, Зеленської, Зеленская): its stem is
 * the masculine one's, so it must not meet a masculine name through the stem.
 */
export function isFeminineAdjectival(word: string): boolean {
  return FEMININE_ADJECTIVAL.test(word.toLowerCase());
}

const FEMININE_ADJECTIVAL = /(?:ськ|цьк|зьк|ск|цк)(?:а|ої|ій|у|ою|ая|ой|ую)$/u;

/** Adjective endings after a demonym stem: українська, американського, российской. */
export const ADJECTIVE_ENDING =
  /^(?:ий|ій|ого|ому|им|ім|а|ої|ій|у|ою|е|і|их|іх|ими|ая|ой|ую|ое|ые|ие|ых|ым|ыми|ом|ей|и|ів|ям|ями|ях|ы|ам|ами|ах|ов)?$/u;
