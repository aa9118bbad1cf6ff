import { TextSpan } from '../text';

/** A date that counts from the date before it in the text: "on the same day", "наступного дня". */
export interface AnaphoricDate extends TextSpan {
  /** Days after the date it refers to: 0 the same day, 1 the next, -1 the day before. */
  shift: number;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  один: 1,
  одного: 1,
  два: 2,
  дві: 2,
  три: 3,
  чотири: 4,
  "п'ять": 5,
  пʼять: 5,
  'п’ять': 5,
  шість: 6,
  сім: 7,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
};

const COUNT = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})`;

/** Whole words in any script: JavaScript's \b only knows ASCII letters. */
const word = (pattern: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'giu');

const FIXED: readonly [RegExp, number][] = [
  [
    word(
      '(?:(?:later|earlier)\\s+)?(?:on\\s+)?(?:that|the)\\s+same\\s+day|(?:on\\s+|later\\s+|earlier\\s+)that\\s+day|' +
        'того\\s+ж(?:\\s+самого)?\\s+дня|(?:у|в)\\s+той\\s+(?:же\\s+|самий\\s+)?день|цього\\s+ж\\s+дня|' +
        'в\\s+тот\\s+же\\s+день|того\\s+же\\s+дня|в\\s+этот\\s+же\\s+день',
    ),
    0,
  ],
  [
    word(
      '(?:on\\s+)?the\\s+(?:next|following)\\s+(?:day|morning)|a\\s+day\\s+later|' +
        'наступного\\s+дня|на\\s+наступний\\s+день|наступного\\s+ранку|' +
        'на\\s+следующий\\s+день|следующего\\s+дня|на\\s+следующее\\s+утро',
    ),
    1,
  ],
  [
    word(
      'the\\s+(?:previous\\s+day|day\\s+before)(?!\\s+yesterday)|a\\s+day\\s+(?:earlier|before)|' +
        'днем\\s+раніше|днём\\s+раніше|за\\s+день\\s+до\\s+того|' +
        'днем\\s+ранее|днём\\s+ранее|днем\\s+раньше|днём\\s+раньше',
    ),
    -1,
  ],
];

const COUNTED: readonly [RegExp, number][] = [
  [word(`${COUNT}\\s+days?\\s+later`), 1],
  [
    word(`через\\s+${COUNT}\\s+(?:день|дні|днів|дня|дней)|спустя\\s+${COUNT}\\s+(?:день|дня|дней)`),
    1,
  ],
  [word(`${COUNT}\\s+days?\\s+(?:earlier|before)`), -1],
];

/** The anaphoric dates of a span, in no particular order. */
export function findAnaphoricDates(text: string, span: TextSpan): AnaphoricDate[] {
  const slice = text.slice(span.start, span.end);
  const found: AnaphoricDate[] = [];
  for (const [pattern, shift] of FIXED) {
    for (const match of slice.matchAll(pattern)) {
      found.push({
        start: span.start + match.index,
        end: span.start + match.index + match[0].length,
        shift,
      });
    }
  }
  for (const [pattern, sign] of COUNTED) {
    for (const match of slice.matchAll(pattern)) {
      const count = match.slice(1).find((group) => group !== undefined) ?? '1';
      const days = /^\d+$/u.test(count) ? Number(count) : NUMBER_WORDS[count.toLowerCase()];
      found.push({
        start: span.start + match.index,
        end: span.start + match.index + match[0].length,
        shift: sign * days,
      });
    }
  }
  return found;
}
