import { DateMention, findDates, resolveAnaphoricDate } from '../dates';
import { findQuotations, isInside, Paragraph, Sentence, TextSpan } from '../text';
import { isFramingDate, withoutDates } from './framing';

/** A dated event: the sentence that dates it and the undated sentences that go on with it. */
export interface PlacedEvent extends TextSpan {
  date: DateMention & { on: string };
  /** The dates of its first sentence that name its day: the title goes without them. */
  dayMentions: DateMention[];
  sentences: Sentence[];
  /** The paragraph of its last sentence. */
  paragraph: number;
}

export interface UnplacedRun extends TextSpan {
  reason: string;
}

export const UNPLACED_REASONS = {
  undated: 'no date to place it on',
  planned: 'its date is after publication: a plan or an announcement, not an event',
  heading: 'a heading, not an event',
  dateHeading: 'a date heading: it dates the paragraphs under it',
  dateline: 'the article’s dateline',
  background: 'a reminder of earlier events, not news of its own',
  summary: 'a summary of a period, not one event',
} as const;

/**
 * Splits the article into dated events:
 * - a sentence with a date (outside quotations) starts an event, unless the date, inside
 *   the sentence and not framing it, is the current event's own day ("Zelensky said on
 *   December 9 that ...") or an earlier one (a look back: "the draft, agreed on November
 *   30, ...") in the same paragraph; a framing date always starts one, so "On the same
 *   day, ..." after a dated sentence is a second event on that day;
 * - undated sentences join the event before them in their paragraph;
 * - a paragraph goes on with the event before it only when it opens as a continuation (a
 *   quotation, an attribution dash, a pronoun such as "He" / "Він" / "Он"), so the same day
 *   in two paragraphs is two events unless the second continues the first;
 * - under a heading that is only a date, each paragraph without a date of its own is an
 *   event of that day; a first line that is only the day of publication is the dateline;
 * - a paragraph that opens as a reminder ("Нагадаємо, ...", "Напомним, ...") is background;
 * - the undated paragraphs that open an article, before any date, are its lead: news
 *   writing puts the newest event first and often leaves its day to the dateline, so they
 *   make one event dated the day of publication (with the lowest confidence); the lead
 *   ends at its first date or at a heading after it, and a plan that opens a paragraph
 *   before any date takes the undated sentences that go on with it;
 * - anything else is unplaced, with the reason.
 */
export function placeEvents(
  text: string,
  paragraphs: readonly Paragraph[],
  publishedOn: string,
): { events: PlacedEvent[]; unplaced: UnplacedRun[] } {
  const events: PlacedEvent[] = [];
  const unplaced: UnplacedRun[] = [];
  let current: PlacedEvent | null = null;
  let context: { on: string; until?: string } | null = null;
  let headingDate: (DateMention & { on: string }) | null = null;
  // The article's undated lead, gathered until its first date or a heading after it.
  let lead: PlacedEvent | null = null;
  let leadOver = false;
  // Before any date: a plan opened the paragraph (or the one this one goes on from), and
  // the sentence before in this paragraph was the lead's.
  let planning = false;
  let leading = false;

  const leaveUnplaced = (span: TextSpan, reason: string) => {
    const last = unplaced.at(-1);
    const between = last ? text.slice(last.end, span.start) : '';
    if (last && last.reason === reason && /^[^\S\r\n\u2028\u2029]*$/u.test(between)) {
      last.end = span.end;
    } else {
      unplaced.push({ start: span.start, end: span.end, reason });
    }
  };

  for (const paragraph of paragraphs) {
    const quotations = findQuotations(text, paragraph);
    const datesOf = (sentence: Sentence) => {
      const dates: DateMention[] = [];
      let previous = context;
      for (const mention of findDates(text, sentence, publishedOn)) {
        if (isInside(mention, quotations)) continue;
        if (mention.kind !== 'anaphoric') dates.push(mention);
        else if (previous) dates.push(resolveAnaphoricDate(mention, previous, publishedOn));
        const last = dates.at(-1);
        if (last?.on && !last.planned) previous = { on: last.on, until: last.until };
      }
      return dates;
    };

    if (isHeading(text, paragraph)) {
      const date = datesOf(paragraph.sentences[0]).find(isEventDate);
      const rest = date ? withoutDates(text, paragraph, [date]) : '';
      // A short line with a date and more is an event told tersely, not a heading.
      if (date === undefined || ONLY_A_TIME.test(rest)) {
        // The first line, dated the day of publication or with a time, dates the article.
        const dateline =
          date !== undefined &&
          paragraph.index === 0 &&
          (date.on === publishedOn || /\d/u.test(rest));
        headingDate = date && !dateline ? date : null;
        if (headingDate) context = { on: headingDate.on, until: headingDate.until };
        current = null;
        if (lead) leadOver = true;
        planning = false;
        const reason =
          date === undefined
            ? UNPLACED_REASONS.heading
            : dateline
              ? UNPLACED_REASONS.dateline
              : UNPLACED_REASONS.dateHeading;
        leaveUnplaced(paragraph, reason);
        continue;
      }
    }

    const continues = opensAsContinuation(text, paragraph.sentences[0]);
    if (current && !continues) current = null;
    planning &&= continues;
    leading = false;
    const background = BACKGROUND.test(text.slice(paragraph.start, paragraph.end));
    for (const [index, sentence] of paragraph.sentences.entries()) {
      if (background) {
        leaveUnplaced(sentence, UNPLACED_REASONS.background);
        continue;
      }
      const dates = datesOf(sentence);
      const date = dates.find(isEventDate);
      if (date) {
        const joins =
          current !== null &&
          current.paragraph === paragraph.index &&
          (isSameDay(current.date, date) || date.on < current.date.on) &&
          !isFramingDate(text, sentence, date);
        if (current && joins) {
          join(current, sentence);
        } else {
          current = startEvent(date, sentence, dates);
          events.push(current);
        }
        context = { on: date.on, until: date.until };
      } else if (current) {
        join(current, sentence);
      } else if (headingDate && index === 0) {
        current = startEvent(headingDate, sentence);
        events.push(current);
      } else if (context === null && !leadOver) {
        if (planning || dates.some((mention) => mention.planned)) {
          // Only a plan that opens a paragraph takes the undated sentences after it.
          planning ||= !leading;
          leaveUnplaced(sentence, UNPLACED_REASONS.planned);
        } else if (lead) {
          join(lead, sentence);
          leading = true;
        } else if (SPAN_OF_TIME.test(text.slice(sentence.start, sentence.end))) {
          leaveUnplaced(sentence, UNPLACED_REASONS.summary);
        } else {
          lead = startEvent(leadDate(sentence, publishedOn), sentence);
          events.push(lead);
          leading = true;
        }
      } else {
        const planned = dates.some((mention) => mention.planned);
        leaveUnplaced(sentence, planned ? UNPLACED_REASONS.planned : UNPLACED_REASONS.undated);
      }
    }
  }
  return { events, unplaced };
}

/** The lead's date: the day of publication, found nowhere in the text. */
function leadDate(sentence: Sentence, publishedOn: string): DateMention & { on: string } {
  return { kind: 'lead', on: publishedOn, start: sentence.start, end: sentence.start };
}

function isEventDate(mention: DateMention): mention is DateMention & { on: string } {
  return mention.on !== undefined && !mention.planned;
}

function isSameDay(a: DateMention, b: DateMention): boolean {
  return a.on === b.on && (a.until ?? a.on) === (b.until ?? b.on);
}

function startEvent(
  date: DateMention & { on: string },
  sentence: Sentence,
  dates: readonly DateMention[] = [],
): PlacedEvent {
  return {
    date,
    dayMentions: dates.filter((mention) => isEventDate(mention) && isSameDay(mention, date)),
    sentences: [sentence],
    start: sentence.start,
    end: sentence.end,
    paragraph: sentence.paragraph,
  };
}

function join(event: PlacedEvent, sentence: Sentence): void {
  event.sentences.push(sentence);
  event.end = sentence.end;
  event.paragraph = sentence.paragraph;
}

/**
 * A stretch of time rather than a day ("over the past week", "in recent days", "останніми
 * тижнями", "за последний месяц"): a lead that speaks of one sums a period up, it is not the
 * news of the day.
 */
const SPAN_OF_TIME =
  /(?<!\p{L})(?:(?:the\s+)?(?:past|last|recent|coming)\s+(?:few\s+)?(?:days|weeks|months|week|month|year)|in\s+recent\s+(?:days|weeks|months)|останн\p{L}*\s+(?:дн|тижн|місяц)\p{L}*|минулого\s+(?:тижня|місяця|року)|протягом\s+(?:тижня|місяця)|за\s+(?:минул|останн)\p{L}*\s+(?:тиж|місяц|дн)\p{L}*|последн\p{L}*\s+(?:дн|недел|месяц)\p{L}*|на\s+прошлой\s+неделе|в\s+прошлом\s+месяце|за\s+(?:прошл|последн)\p{L}*\s+(?:недел|месяц|дн)\p{L}*)(?!\p{L})/iu;

/** What opens a paragraph that recalls the background: "Нагадаємо, ...", "Напомним, ...". */
const BACKGROUND =
  /^(?:нагадаємо|нагадуємо|як відомо|напомним|напоминаем|как известно|recall that|as a reminder)(?!\p{L})/iu;

/** What may remain of a heading that is a date: punctuation and a time of day. */
const ONLY_A_TIME = /^[\s\p{P}]*(?:(?:at|о|об|в)\s+)?(?:\d{1,2}[:.]\d{2})?[\s\p{P}]*$/iu;

/** A single line of a few words that does not end as a sentence does. */
function isHeading(text: string, paragraph: Paragraph): boolean {
  if (paragraph.sentences.length !== 1) return false;
  const line = text.slice(paragraph.start, paragraph.end);
  return (
    !/[.!?…:;"”»)'’]$/u.test(line) &&
    /^[\p{Lu}\p{N}]/u.test(line) &&
    line.split(/\s+/u).length <= 14
  );
}

/** What opens a paragraph that goes on with the event before it. */
const CONTINUATION =
  /^(?:[“«„"]|[–—-]\s*\p{Lu}|(?:he|she|they|it|his|her|their|this|these|according to (?:him|her|them)|він|вона|вони|його|її|їхні\p{L}*|це|за\s+(?:його|її|їхніми)\s+словами|як\s+(?:зазначи|сказа|заяви|наголоси)\p{L}*|он|она|они|его|ее|её|их|это|по\s+(?:его|ее|её|их)\s+словам|как\s+(?:отмети|сказа|заяви|подчеркну)\p{L}*)(?!\p{L}))/iu;

function opensAsContinuation(text: string, sentence: Sentence | undefined): boolean {
  return sentence !== undefined && CONTINUATION.test(text.slice(sentence.start, sentence.end));
}
