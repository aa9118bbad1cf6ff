import type { Stance } from '@app/contracts';
import type { Vocabulary } from '../draft';
import type { ActorMention } from './find-actors';
import type { TopicMention } from './find-topics';
import { findQuotes } from './quotes';
import { inSentence } from './speech-forms';
import { peopleOf, type Context, type Draft } from './statement-context';
import { tokenize, type Sentence } from './tokens';

export interface StatementFinding {
  actor: string;
  topic: string;
  stance?: Stance;
  quote?: string;
  summary?: string;
  start: number;
  end: number;
  quoteStart?: number;
  quoteEnd?: number;
}

/**
 * Quotations and reported speech in the span, attributed to the mentioned actors; stance
 * only on a strong cue.
 *
 * Reported speech: "X said (that) ...", "..., said X", "according to X, ...", "X, he said,
 * ..." and their Ukrainian and Russian forms; "he", "she" and a title alone ("the minister
 * noted") refer to the speaker of the speech just reported, else to the person last named. A quotation belongs to the speech around it, to
 * a name after a dash ("“...” – X") or before a colon ("X: “...”"). An act with a stance
 * cue ("Moscow rejected the proposal") is a statement of its subject. Stances: rejected,
 * refused, opposed -> oppose; supported, welcomed, agreed to, proposed -> support; only if,
 * on condition, ready to ... if -> conditional; none when hedged ("allegedly") or negated.
 * A statement takes the topic mentioned in its words, else in its sentence, else the
 * span's first; with no topic at all it is left out.
 */
export function findStatements(
  text: string,
  span: { start: number; end: number },
  actors: readonly ActorMention[],
  topics: readonly TopicMention[],
  vocabulary: Vocabulary,
): StatementFinding[] {
  if (topics.length === 0) return [];
  const { tokens, sentences } = tokenize(text, span);
  const context: Context = {
    text,
    tokens,
    actors: [...actors].sort((a, b) => a.start - b.start),
    people: peopleOf(actors, vocabulary),
    quotes: findQuotes(text, span),
  };
  const statements: Draft[] = [];
  for (const sentence of sentences) statements.push(...inSentence(context, sentence));
  attachQuotes(context, statements, sentences);
  return mergeDrafts(statements).flatMap((draft) => finding(draft, topics, sentences));
}

/**
 * Each quotation goes to the reported speech whose words hold it or that stands in its
 * sentence, or to a name after a dash ("“...” – Boris Pistorius") or before a colon
 * ("Zelensky: “...”").
 */
function attachQuotes(context: Context, drafts: Draft[], sentences: readonly Sentence[]): void {
  const { text } = context;
  for (const quote of context.quotes) {
    const sentence = sentences.findIndex((s) => s.start <= quote.open && quote.open < s.end);
    const free = drafts.filter((draft) => !draft.quote);
    const holder =
      free.find(
        (draft) =>
          draft.content !== undefined &&
          draft.content.start <= quote.open &&
          quote.open < draft.content.end,
      ) ?? free.find((draft) => draft.speech && draft.sentence === sentence);
    if (holder) {
      holder.quote = quote;
      continue;
    }
    const dash = /^[\s,.]*[–—-]\s*/u.exec(text.slice(quote.close));
    const dashed = dash
      ? context.actors.find((a) => a.start === quote.close + dash[0].length)
      : undefined;
    const colonAt = /:\s*$/.test(text.slice(Math.max(0, quote.open - 3), quote.open))
      ? text.lastIndexOf(':', quote.open)
      : -1;
    const colon =
      colonAt >= 0
        ? context.actors.find((a) => a.end <= colonAt && /^\s*$/.test(text.slice(a.end, colonAt)))
        : undefined;
    const speaker = dashed ?? colon;
    if (!speaker) continue;
    drafts.push({
      actor: speaker.id,
      sentence: -1,
      speech: true,
      start: Math.min(quote.open, speaker.start),
      end: Math.max(quote.close, speaker.end),
      quote,
    });
  }
}

/** One statement per actor and sentence: a stance and a quotation found apart are one. */
function mergeDrafts(drafts: Draft[]): Draft[] {
  const merged: Draft[] = [];
  for (const draft of drafts) {
    const same = merged.find(
      (other) =>
        other.actor === draft.actor && other.sentence === draft.sentence && draft.sentence >= 0,
    );
    if (!same) {
      merged.push(draft);
      continue;
    }
    same.stance ??= draft.stance;
    same.quote ??= draft.quote;
    same.content ??= draft.content;
    same.start = Math.min(same.start, draft.start);
    same.end = Math.max(same.end, draft.end);
  }
  return merged.sort((a, b) => a.start - b.start);
}

function finding(
  draft: Draft,
  topics: readonly TopicMention[],
  sentences: readonly Sentence[],
): StatementFinding[] {
  const range = draft.content ?? draft.quote ?? draft;
  const sentence = sentences.find((s) => s.start <= draft.start && draft.start < s.end) ?? draft;
  const topic =
    topics.find((t) => t.start >= range.start && t.end <= range.end) ??
    topics.find((t) => t.start >= sentence.start && t.end <= sentence.end) ??
    topics[0];
  const summary = draft.content ? summaryOf(draft.content.text) : undefined;
  const quote = draft.quote;
  if (!summary && !quote) return [];
  return [
    {
      actor: draft.actor,
      topic: topic.topic,
      ...(draft.stance && { stance: draft.stance }),
      ...(quote && { quote: quote.text, quoteStart: quote.start, quoteEnd: quote.end }),
      ...(summary && !(quote && sameText(summary, quote.text)) && { summary }),
      start: draft.start,
      end: draft.end,
    },
  ];
}

function summaryOf(text: string): string | undefined {
  const tidy = text.replace(/\s+/g, ' ').trim();
  if (tidy === '') return undefined;
  return tidy[0].toUpperCase() + tidy.slice(1);
}

function sameText(a: string, b: string): boolean {
  const fold = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return fold(a) === fold(b);
}
