import { PERSONAL_PRONOUNS, isRoleWord } from './lexicon';
import type { Context, Draft } from './statement-context';
import type { Sentence, Token } from './tokens';

export interface Speaker {
  id: string;
  start: number;
  end: number;
  /** A pronoun or a title stood for the speaker, from token `from`. */
  pronoun?: boolean;
  from: number;
}

/** Words between a subject and its verb: "Zelensky also said", "Умєров раніше заявив". */
const BETWEEN_SUBJECT_AND_VERB = new Set([
  'also',
  'further',
  'then',
  'later',
  'earlier',
  'again',
  'has',
  'had',
  'have',
  'had',
  'already',
  'repeatedly',
  'publicly',
  'previously',
  'recently',
  'once',
  'finally',
  'explicitly',
  'flatly',
  'firmly',
  'reportedly',
  'allegedly',
  'також',
  'ще',
  'вже',
  'знову',
  'раніше',
  'нібито',
  'також',
  'также',
  'уже',
  'снова',
  'ранее',
  'якобы',
]);

/** The subject of the verb at `verb`: a name just before it, a pronoun, or a title. */
export function subjectBefore(context: Context, sentence: Sentence, verb: number): Speaker | null {
  const { tokens } = context;
  let k = verb - 1;
  while (k >= sentence.first && BETWEEN_SUBJECT_AND_VERB.has(tokens[k].lower)) k -= 1;
  if (k < sentence.first) return null;
  const token = tokens[k];
  if (token.possessive) return null;
  const mention = context.actors.find((a) => a.end === token.end);
  if (mention && mention.start >= sentence.start) {
    return { id: mention.id, start: mention.start, end: mention.end, from: k };
  }
  if (PERSONAL_PRONOUNS.has(token.lower) || isTitleReference(tokens, k)) {
    const person = antecedent(context, k);
    return person ? { ...person, pronoun: true, from: k } : null;
  }
  // "Rustem Umerov, Secretary of the Council, said": the name before the apposition.
  if (/,\s*$/.test(tokens[k + 1]?.gap ?? '')) {
    const commaAt = tokens[k].end;
    const candidates = context.actors.filter(
      (a) =>
        a.start >= sentence.start &&
        a.end < commaAt &&
        /^\s*,/.test(context.text.slice(a.end, commaAt)) &&
        tokens.filter((t) => t.start >= a.end && t.end <= commaAt).length <= 12,
    );
    const nearest = candidates[candidates.length - 1];
    if (nearest) return { id: nearest.id, start: nearest.start, end: nearest.end, from: k };
  }
  return null;
}

/**
 * Whether the speaker may follow the verb: in English after what was said ("..., said
 * Zelensky"), in Ukrainian and Russian anywhere ("Як заявив Зеленський, ...").
 */
export function mayInvert(context: Context, verb: number): boolean {
  const token = context.tokens[verb];
  return token.cyrillic || /[,”"»]\s*$/u.test(token.gap);
}

/** "..., said Zelensky", "заявив Зеленський", "according to the Ukrainian president Zelensky". */
export function mentionAfter(
  context: Context,
  sentence: Sentence,
  verb: number,
): { id: string; start: number; end: number } | null {
  const { tokens } = context;
  for (let k = verb + 1; k < sentence.last && k <= verb + 5; k++) {
    const mention = context.actors.find((a) => a.start === tokens[k].start);
    if (mention) return { id: mention.id, start: mention.start, end: mention.end };
    if (!/^[ \t\u00a0]+$/.test(tokens[k].gap) && !tokens[k].hyphenated) return null;
    const lower = tokens[k].lower;
    // "заявив речник Кремля Дмитро Пєсков": titles and their qualifiers come first.
    const title = lower === 'the' || isRoleWord(lower) || tokens[k].cap;
    if (!title) return null;
  }
  return null;
}

/** "the minister", "the official", "міністр": a title alone, standing for the person last named. */
export function isTitleReference(tokens: readonly Token[], k: number): boolean {
  return isRoleWord(tokens[k].lower) && !tokens[k].possessive;
}

/**
 * Whom "he", "according to him" or "the minister" at token k refers to: the speaker of the
 * speech reported in the last two sentences, else the person last named.
 */
export function antecedent(
  context: Context,
  k: number,
): { id: string; start: number; end: number } | null {
  const token = context.tokens[k];
  const speaker = context.lastSpeaker;
  if (speaker && token.sentence - speaker.sentence <= 2) return speaker;
  return lastPerson(context, token.start);
}

function lastPerson(
  context: Context,
  before: number,
): { id: string; start: number; end: number } | null {
  for (let i = context.actors.length - 1; i >= 0; i--) {
    const mention = context.actors[i];
    if (mention.end <= before && context.people.has(mention.id)) {
      return { id: mention.id, start: mention.start, end: mention.end };
    }
  }
  return null;
}

/** Remembers the speaker, whom "he said" in the next sentences most likely refers to. */
export function spoken(context: Context, draft: Draft): Draft {
  const mention = context.actors.find((a) => a.id === draft.actor && a.start <= draft.end);
  if (mention && context.people.has(draft.actor)) {
    context.lastSpeaker = {
      id: draft.actor,
      start: mention.start,
      end: mention.end,
      sentence: draft.sentence,
    };
  }
  return draft;
}
