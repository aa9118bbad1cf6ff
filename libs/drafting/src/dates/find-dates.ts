import type { ParsedResult } from 'chrono-node';
import { TextSpan } from '../text';
import { findAnaphoricDates } from './anaphora';
import {
  addDays,
  CalendarDay,
  fromIsoDate,
  isLaterInYear,
  isRealDay,
  latestWeekday,
  toIsoDate,
} from './calendar';
import { dateParser, languagesOf } from './locales';

/**
 * - explicit: a day of a month, with or without a year ("December 2", "14–15 грудня");
 * - relative: counted from the publication day ("yesterday", "on Monday", "три дні тому");
 * - anaphoric: counted from the date before it in the text ("on the same day").
 */
/**
 * How a date was found: stated ("December 2"), counted from publication ("yesterday"),
 * counted from another date ("on the same day"), or taken for the article's undated lead
 * (the news of the day of publication).
 */
export type DateKind = 'explicit' | 'relative' | 'anaphoric' | 'lead';

export interface DateMention extends TextSpan {
  kind: DateKind;
  /** The day, YYYY-MM-DD; an anaphoric date has one once it is resolved (resolveAnaphoricDate). */
  on?: string;
  /** The last day of a period ("December 14–15"). */
  until?: string;
  /** Anaphoric dates: days after the date they refer to. */
  shift?: number;
  /** A day after publication: a plan or an announcement, never the date of an event. */
  planned?: boolean;
}

const DASHES = /[\u2010-\u2015\u2212]/gu;

/**
 * The passage as chrono's patterns expect it, each replacement of the same length so that
 * offsets stay: dashes as hyphens ("14–15 грудня"), apostrophes as ASCII ("п’ятницю"), and
 * "учора" as "вчора".
 */
function forChrono(passage: string): string {
  return passage
    .replace(DASHES, '-')
    .replace(/[ʼ’‘`]/gu, "'")
    .replace(
      /(?<!\p{L})([Уу])(чора)/gu,
      (_, u: string, rest: string) => (u === 'У' ? 'В' : 'в') + rest,
    );
}

/** Periods of more than a day say when only roughly: "last week", "два роки тому". */
const VAGUE = /(?<!\p{L})(?:week|month|year|тиж|місяц|рок|рік|недел|месяц|год|лет)/iu;

/** Words that put a sentence in the future, so that a day later in the year is a plan. */
const FUTURE =
  /(?<!\p{L})(?:will|shall|(?:is|are|was|were)\s+(?:expected|scheduled|planned|due|set)|plans?\s+to|upcoming|next|буде|будуть|відбудеться|відбудуться|запланован\p{L}*|планує|планують|наступн\p{L}*|майбутн\p{L}*|будет|будут|состоится|состоятся|запланирован\p{L}*|планирует|планируют|следующ\p{L}*|предстоящ\p{L}*)(?!\p{L})/iu;

/** A number pair such as "24/7" or "1.5" is no date unless a year comes with it. */
const BARE_NUMBER_PAIR = /^\d{1,2}\s*[./]\s*\d{1,2}$/u;

const PAST_WEEKDAY = /last|past|минул|прошл/iu;

/**
 * The dates of a passage (a sentence, usually), resolved against the publication day:
 * - a month and day without a year is the latest such day on or before `publishedOn` (the
 *   year before when it falls later in the year), unless the passage speaks of the future,
 *   in which case it is a plan;
 * - a weekday is the latest such day on or before `publishedOn` ("last Monday" on a Monday
 *   is the week before); "yesterday" and "N days ago" count back from `publishedOn`;
 * - "in the night of December 6" / "у ніч на 6 грудня" / "в ночь на 6 декабря" is the night
 *   that ends on the 6th, and is dated the day named, the 6th, in every language;
 * - a month, a year or a week alone, a time of day, "now", are not dates of events.
 * Sorted by position, without overlaps.
 */
export function findDates(text: string, span: TextSpan, publishedOn: string): DateMention[] {
  const passage = text.slice(span.start, span.end);
  const published = fromIsoDate(publishedOn);
  const reference = new Date(published.year, published.month - 1, published.day, 12);
  const forParsing = forChrono(passage);
  const future = FUTURE.test(passage);

  const found: DateMention[] = findAnaphoricDates(text, span).map((date) => ({
    ...date,
    kind: 'anaphoric',
  }));
  for (const language of languagesOf(passage)) {
    for (const result of dateParser(language).parse(forParsing, reference)) {
      const mention = toMention(result, passage, publishedOn, future);
      if (mention)
        found.push({
          ...mention,
          start: mention.start + span.start,
          end: mention.end + span.start,
        });
    }
  }
  return withoutOverlaps(found);
}

/** Dates the date of an anaphoric mention from the date it refers to. */
export function resolveAnaphoricDate(
  mention: DateMention,
  previous: { on: string; until?: string },
  publishedOn: string,
): DateMention {
  const shift = mention.shift ?? 0;
  const on = addDays(shift > 0 ? (previous.until ?? previous.on) : previous.on, shift);
  return { ...mention, on, planned: on > publishedOn };
}

function toMention(
  result: ParsedResult,
  passage: string,
  publishedOn: string,
  future: boolean,
): DateMention | null {
  const span = trimmed(passage, result.index, result.index + result.text.length);
  if (!span) return null;
  const words = passage.slice(span.start, span.end);
  const tags = result.tags();
  if (tags.has('casualReference/now')) return null;
  const start = result.start;

  if (start.isCertain('weekday') && !start.isCertain('day') && !start.isCertain('month')) {
    let on = latestWeekday(publishedOn, start.get('weekday') ?? 0);
    if (on === publishedOn && PAST_WEEKDAY.test(words)) on = addDays(on, -7);
    return { ...span, kind: 'relative', on };
  }
  if (!start.isCertain('day') || !start.isCertain('month')) return null;

  const relative =
    [...tags].some((tag) => tag.startsWith('casualReference/') || tag === 'result/relativeDate') ||
    !/\d/u.test(words);
  if (relative && VAGUE.test(words)) return null;
  if (!start.isCertain('year') && BARE_NUMBER_PAIR.test(words)) return null;

  const published = fromIsoDate(publishedOn);
  const month = start.get('month') ?? 0;
  const day = start.get('day') ?? 0;
  let year = (start.isCertain('year') && start.get('year')) || published.year;
  if (!start.isCertain('year') && isLaterInYear(month, day, published) && !future) year--;
  const first: CalendarDay = { year, month, day };
  if (!isRealDay(first)) return null;
  const on = toIsoDate(first);

  const mention: DateMention = {
    ...span,
    kind: relative ? 'relative' : 'explicit',
    on,
    planned: on > publishedOn,
  };
  const end = result.end;
  if (end?.isCertain('day')) {
    const last: CalendarDay = {
      year: (end.isCertain('year') && end.get('year')) || year,
      month: (end.isCertain('month') && end.get('month')) || month,
      day: end.get('day') ?? day,
    };
    if (!end.isCertain('year') && toIsoDate(last) < on) last.year++;
    if (isRealDay(last) && toIsoDate(last) > on) mention.until = toIsoDate(last);
  }
  return mention;
}

/** The span without white space and trailing punctuation; null when it cuts a word. */
function trimmed(passage: string, from: number, to: number): TextSpan | null {
  let start = from;
  let end = to;
  while (start < end && /\s/u.test(passage[start])) start++;
  while (end > start && /[\s,.;:]/u.test(passage[end - 1])) end--;
  if (end <= start) return null;
  const inWord = /[\p{L}\p{N}]/u;
  if (start > 0 && inWord.test(passage[start - 1]) && inWord.test(passage[start])) return null;
  if (end < passage.length && inWord.test(passage[end]) && inWord.test(passage[end - 1]))
    return null;
  return { start, end };
}

/** Keeps the earlier of two overlapping mentions, and the longer of two that start together. */
function withoutOverlaps(mentions: DateMention[]): DateMention[] {
  const ordered = mentions
    .map((mention, order) => ({ mention, order }))
    .sort(
      (a, b) =>
        a.mention.start - b.mention.start || b.mention.end - a.mention.end || a.order - b.order,
    );
  const kept: DateMention[] = [];
  for (const { mention } of ordered) {
    const last = kept.at(-1);
    if (!last || mention.start >= last.end) kept.push(mention);
  }
  return kept;
}
