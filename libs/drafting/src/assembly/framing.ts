import { TextSpan } from '../text';

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

/** Words that may stand before a date that frames a sentence: "In the night of", "У ніч на". */
const FRAME_WORDS = words(
  'on in at the of night early late morning evening afternoon hours overnight into during ' +
    'from since by until later earlier and then also around about ' +
    'у в уві ніч ночі на вночі уночі ранку вранці зранку ввечері увечері вечора з із від до ' +
    'по протягом ще вже а і й та пізно рано пізнього раннього проти ' +
    'во ночь ночью утром вечером днем днём с со от к уже еще ещё и поздно рано поздним ' +
    'ранним утра около',
);

/** The place of a wire dateline, before its date: "KYIV, Dec 22 (Reuters) - ...". */
const DATELINE_PLACE = /^\s*\p{Lu}[\p{Lu}\p{M}\s.'’-]*,\s*$/u;

/** What follows a framing date before the sentence proper: a comma, a dash, "(Reuters) -". */
const AFTER_FRAMING_DATE = /^(?:[\s,:;–—-]|\([^()]{0,40}\))+/u;

/** Words that go with a date inside a sentence: "said on December 9", "overnight into Tuesday". */
const DATE_PHRASE_WORDS = words(
  'on in at of the night overnight into early late morning evening afternoon hours during ' +
    'since from by until з із від у в на ніч ночі вночі уночі до по протягом с со ночь ночью ' +
    'от во',
);

/**
 * Whether the date frames the sentence: it comes first, after nothing but prepositions and
 * words of the time of day, or after the place of a dateline. A framing date starts a new
 * event even when it repeats the day.
 */
export function isFramingDate(text: string, sentence: TextSpan, date: TextSpan): boolean {
  return isFramingPrefix(text.slice(sentence.start, date.start));
}

/**
 * The sentence without the given dates (those inside it): a framing date goes with what
 * precedes it and the punctuation after it; a date inside the sentence goes with its
 * preposition ("said on December 9 that" -> "said that"), and with the comma before it
 * when one follows it ("The last round, on December 28, ended" -> "The last round ended").
 */
export function withoutDates(text: string, sentence: TextSpan, dates: readonly TextSpan[]): string {
  let result = text.slice(sentence.start, sentence.end);
  const inside = dates
    .filter((date) => sentence.start <= date.start && date.end <= sentence.end)
    .sort((a, b) => b.start - a.start);
  for (const date of inside) {
    result = removeDate(result, date.start - sentence.start, date.end - sentence.start);
  }
  return result.replace(/\s+/gu, ' ').trim();
}

function removeDate(sentence: string, start: number, end: number): string {
  const after = sentence.slice(end);
  let before = sentence.slice(0, start);
  if (isFramingPrefix(before)) return after.replace(AFTER_FRAMING_DATE, '');
  for (let count = 0; count < 5; count++) {
    const last = /(\S+)\s*$/u.exec(before);
    if (!last || !DATE_PHRASE_WORDS.has(last[1].toLowerCase())) break;
    before = before.slice(0, last.index);
  }
  before = before.trimEnd();
  const pairedCommas = /,$/u.test(before) && /^,\s/u.test(after);
  if (pairedCommas) before = before.slice(0, -1);
  const rest = pairedCommas ? after.slice(1) : after;
  return `${before} ${rest.trimStart()}`.replace(/\s+([,.;:])/gu, '$1');
}

function isFramingPrefix(prefix: string): boolean {
  if (DATELINE_PLACE.test(prefix)) return true;
  const tokens = frameTokens(prefix);
  return (
    tokens.length <= 5 && tokens.every((token) => FRAME_WORDS.has(token) || /^\d+$/u.test(token))
  );
}

function frameTokens(prefix: string): string[] {
  return prefix
    .toLowerCase()
    .split(/[\s,–—-]+/u)
    .map((token) => token.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((token) => token !== '');
}
