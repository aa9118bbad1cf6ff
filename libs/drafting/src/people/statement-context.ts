import type { Stance } from '@app/contracts';
import type { Vocabulary } from '../draft';
import type { ActorMention } from './find-actors';
import { isPersonName } from './name-index';
import type { Quote } from './quotes';
import type { Sentence, Token } from './tokens';

/** What findStatements knows of one span while it reads it. */
export interface Context {
  text: string;
  tokens: Token[];
  /** The span's actor mentions, in text order. */
  actors: ActorMention[];
  /** Ids of actors that are people, whom "he" and "the minister" can refer to. */
  people: ReadonlySet<string>;
  quotes: Quote[];
  /** The speaker of the latest reported speech, and the index of its sentence. */
  lastSpeaker?: { id: string; start: number; end: number; sentence: number };
}

/** A statement before its topic is chosen. */
export interface Draft {
  actor: string;
  sentence: number;
  /** Reported speech, as opposed to an act with a stance. */
  speech: boolean;
  start: number;
  end: number;
  /** Offsets of what was said, when it was reported rather than quoted. */
  content?: { start: number; end: number; text: string };
  stance?: Stance;
  quote?: Quote;
}

export function peopleOf(actors: readonly ActorMention[], vocabulary: Vocabulary): Set<string> {
  const known = new Map(vocabulary.actors.map((actor) => [actor.id, actor]));
  const people = new Set<string>();
  for (const mention of actors) {
    const actor = known.get(mention.id);
    if (mention.new || isPersonName(actor?.name ?? mention.name)) people.add(mention.id);
  }
  return people;
}

export function contentOf(text: string, start: number, end: number): Draft['content'] | undefined {
  const raw = text.slice(start, end);
  const leading = raw.length - raw.trimStart().length;
  const trimmed = raw.trim().replace(TRAILING, '');
  if (wordCount(trimmed) < 2) return undefined;
  return { start: start + leading, end: start + leading + trimmed.length, text: trimmed };
}

export const TRAILING = /[\s,;:.–—-]+$/u;

export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

export function phraseAt(
  tokens: readonly Token[],
  i: number,
  phrases: ReadonlyArray<readonly string[]>,
): number | null {
  let best: number | null = null;
  for (const phrase of phrases) {
    const fits = phrase.every((word, k) => tokens[i + k]?.lower === word);
    const sameSentence = fits && tokens[i + phrase.length - 1].sentence === tokens[i].sentence;
    if (fits && sameSentence && (best === null || phrase.length > best)) best = phrase.length;
  }
  return best;
}

export function insideQuote(context: Context, offset: number): boolean {
  return context.quotes.some((q) => q.start <= offset && offset < q.end);
}

export function quoteIn(context: Context, sentence: Sentence): Quote | undefined {
  return context.quotes.find((q) => q.start < sentence.end && q.end > sentence.start);
}
