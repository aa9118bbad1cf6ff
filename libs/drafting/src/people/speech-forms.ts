import type { Stance } from '@app/contracts';
import {
  ACCORDING_TO,
  ACCORDING_TO_PRONOUN,
  CONDITIONAL_PHRASES,
  HEDGES,
  IF_WORDS,
  NEGATIONS,
  OPPOSE_PHRASES,
  OPPOSE_VERBS,
  READY_WORDS,
  SPEECH_VERBS,
  SUPPORT_PHRASES,
  SUPPORT_VERBS,
} from './speech';
import {
  antecedent,
  isTitleReference,
  mayInvert,
  mentionAfter,
  spoken,
  subjectBefore,
} from './speakers';
import {
  contentOf,
  insideQuote,
  phraseAt,
  quoteIn,
  TRAILING,
  wordCount,
  type Context,
  type Draft,
} from './statement-context';
import type { Sentence, Token } from './tokens';

/**
 * The statements of one sentence: reported speech ("X said that ...", "according to X")
 * and acts with a stance ("Moscow rejected ..."); a condition in what was said makes the
 * stance conditional.
 */
export function inSentence(context: Context, sentence: Sentence): Draft[] {
  const drafts: Draft[] = [];
  const { tokens } = context;
  const index = tokens[sentence.first]?.sentence ?? -1;
  for (let i = sentence.first; i < sentence.last; i++) {
    if (insideQuote(context, tokens[i].start)) continue;
    const pronoun = phraseAt(tokens, i, ACCORDING_TO_PRONOUN);
    const according = pronoun ?? phraseAt(tokens, i, ACCORDING_TO);
    if (according) {
      const draft = accordingTo(context, sentence, i, according, pronoun !== null);
      if (draft) drafts.push(spoken(context, { ...draft, sentence: index }));
      i += according - 1;
      continue;
    }
    // Verbs are lowercase: "the United States" holds no "states".
    if (tokens[i].cap && !tokens[i].initial) continue;
    if (SPEECH_VERBS.has(tokens[i].lower)) {
      const draft = reported(context, sentence, i);
      if (draft) drafts.push(spoken(context, { ...draft, sentence: index }));
      continue;
    }
    const stance = stanceVerbAt(tokens, i);
    if (stance) {
      const draft = act(context, sentence, i, stance.length, stance.stance, drafts);
      if (draft) drafts.push({ ...draft, sentence: index });
      i += stance.length - 1;
    }
  }
  for (const draft of drafts) {
    const open = draft.stance === undefined || draft.stance === 'support';
    if (open && draft.content && isConditional(context, draft.content))
      draft.stance = 'conditional';
  }
  return drafts;
}

/** "X said (that) ...", "..., said X", "X, he said, ...", "the minister noted ...". */
function reported(
  context: Context,
  sentence: Sentence,
  verb: number,
): Omit<Draft, 'sentence'> | null {
  const { tokens, text } = context;
  const subject = subjectBefore(context, sentence, verb);
  const after = subject || !mayInvert(context, verb) ? null : mentionAfter(context, sentence, verb);
  const speaker = subject ?? after;
  if (!speaker) return null;
  const verbToken = tokens[verb];
  let content: Draft['content'];
  const parenthetical =
    subject?.pronoun === true &&
    /,\s*$/.test(tokens[subject.from].gap) &&
    /^\s*,/.test(tokens[verb + 1]?.gap ?? '');
  if (parenthetical && subject) {
    const before = text.slice(sentence.start, tokens[subject.from].start).replace(/[\s,]+$/, '');
    const rest = text.slice(verbToken.end, sentence.end).replace(/^[\s,]+/, '');
    const said = `${before} ${rest}`.replace(TRAILING, '');
    content = { start: sentence.start, end: sentence.end, text: said };
  } else {
    const from = contentStart(context, sentence, verb, after ? after.end : verbToken.end);
    content = contentOf(text, from, sentence.end);
    if (!content || wordCount(content.text) < 3) {
      // "“...,” Zelensky said." and "..., said Zelensky.": what was said comes first.
      const head = text.slice(sentence.start, Math.min(speaker.start, verbToken.start));
      const comma = /(?:,\s*["”»“]?|["”»“],)\s*$/u.exec(head);
      if (comma) content = contentOf(text, sentence.start, sentence.start + comma.index) ?? content;
    }
  }
  if (!content && !quoteIn(context, sentence)) return null;
  const named = subject?.pronoun ? tokens[subject.from].start : speaker.start;
  return {
    actor: speaker.id,
    speech: true,
    start: Math.min(named, content?.start ?? named),
    end: Math.max(content?.end ?? verbToken.end, verbToken.end),
    ...(content && { content }),
  };
}

/**
 * Where what was said starts after its verb: past "that" ("said that", "що", "что"), and
 * past the words before it when the verb has an object or an adverbial first ("told
 * reporters that", "said in a statement that", "заявив журналістам, що").
 */
function contentStart(context: Context, sentence: Sentence, verb: number, from: number): number {
  const { tokens, text } = context;
  const next = tokens[verb + 1];
  const delayed =
    next && (TELL_VERBS.has(tokens[verb].lower) || LEADING_PREPOSITIONS.has(next.lower));
  for (let k = verb + 1; k < sentence.last && k <= verb + 8; k++) {
    if (!THAT.has(tokens[k].lower)) continue;
    const direct = k === verb + 1 || (tokens[k].cyrillic && /,\s*$/.test(tokens[k].gap));
    if (direct || delayed) return tokens[k].end;
    break;
  }
  const lead = /^[\s,:–—-]*/u.exec(text.slice(from, sentence.end));
  return from + (lead ? lead[0].length : 0);
}

/** The lowercase word before offset `at`, past "the". */
function wordBefore(tokens: readonly Token[], at: number): string {
  let k = tokens.findIndex((t) => t.start >= at) - 1;
  if (k >= 0 && tokens[k].lower === 'the') k -= 1;
  return k >= 0 ? tokens[k].lower : '';
}

const THAT = new Set(['that', 'що', 'что']);
const AS = new Set(['as', 'як', 'как']);
const TELL_VERBS = new Set(['told', 'tells', 'сказав', 'сказала', 'сказал']);
const LEADING_PREPOSITIONS = new Set([
  'in',
  'on',
  'at',
  'during',
  'after',
  'to',
  'before',
  'afterwards',
  'later',
  'earlier',
]);

/** "According to X, ...", "за словами X, ...", "according to him, ...". */
function accordingTo(
  context: Context,
  sentence: Sentence,
  cue: number,
  length: number,
  pronoun: boolean,
): Omit<Draft, 'sentence'> | null {
  const { tokens, text } = context;
  const next = cue + length;
  let speaker: { id: string; start: number; end: number } | null = null;
  if (pronoun) speaker = antecedent(context, cue);
  else {
    speaker = mentionAfter(context, sentence, next - 1);
    const title = tokens[next]?.lower === 'the' ? next + 1 : next;
    if (!speaker && title < sentence.last && isTitleReference(tokens, title)) {
      speaker = antecedent(context, cue);
    }
  }
  if (!speaker) return null;
  const comma = text.indexOf(',', Math.max(speaker.end, tokens[next - 1].end));
  const content =
    comma >= 0 && comma < sentence.end
      ? contentOf(text, comma + 1, sentence.end)
      : contentOf(text, sentence.start, tokens[cue].start);
  if (!content) return null;
  return { actor: speaker.id, speech: true, start: tokens[cue].start, end: sentence.end, content };
}

/** "Moscow rejected the initiative": a stance of the act's subject. */
function act(
  context: Context,
  sentence: Sentence,
  cue: number,
  length: number,
  stance: Stance,
  earlier: Draft[],
): Omit<Draft, 'sentence'> | null {
  const { tokens, text } = context;
  if (isHedged(tokens, cue, sentence.first)) return null;
  const subject = subjectBefore(context, sentence, cue);
  if (!subject) return null;
  if (subject.pronoun) {
    const at = tokens[cue].start;
    const speech = earlier.find(
      (draft) =>
        draft.speech && draft.content && draft.content.start <= at && at < draft.content.end,
    );
    if (speech) {
      speech.stance ??= stance;
      return null;
    }
  }
  const end = clauseEnd(text, tokens[cue + length - 1].end, sentence.end);
  // "as Russia proposed": a comparison, not an act; an act has an object.
  if (wordCount(text.slice(tokens[cue + length - 1].end, end)) === 0) return null;
  if (!subject.pronoun && AS.has(wordBefore(tokens, subject.start))) return null;
  const content = contentOf(
    text,
    subject.pronoun ? tokens[subject.from].start : subject.start,
    end,
  );
  if (!content) return null;
  const speech = earlier.find(
    (draft) => draft.speech && draft.actor === subject.id && draft.stance === undefined,
  );
  if (speech && !subject.pronoun) {
    speech.stance = stance;
    return null;
  }
  return {
    actor: subject.id,
    speech: false,
    start: content.start,
    end: content.end,
    content,
    stance,
  };
}

/** The end of the clause from `from`: a comma, a semicolon, a dash, "but", or the sentence's end. */
function clauseEnd(text: string, from: number, end: number): number {
  const rest = text.slice(from, end);
  // A dash between two names ("Kyiv – Washington") does not end the clause.
  const match =
    /[,;]|[–—](?!\s*\p{Lu})|\s(?:but|while|whereas|although|але|а|проте|но|однако)\s/u.exec(rest);
  return match ? from + match.index : end;
}

function stanceVerbAt(
  tokens: readonly Token[],
  i: number,
): { stance: Stance; length: number } | null {
  const oppose = phraseAt(tokens, i, OPPOSE_PHRASES);
  if (oppose) return { stance: 'oppose', length: oppose };
  const support = phraseAt(tokens, i, SUPPORT_PHRASES);
  if (support) return { stance: 'support', length: support };
  if (OPPOSE_VERBS.has(tokens[i].lower)) return { stance: 'oppose', length: 1 };
  if (SUPPORT_VERBS.has(tokens[i].lower)) return { stance: 'support', length: 1 };
  return null;
}

/** "allegedly refuses", "did not reject", "нібито відмовляється": no stance of its own. */
function isHedged(tokens: readonly Token[], cue: number, first: number): boolean {
  for (let k = cue - 1; k >= Math.max(first, cue - 3); k--) {
    if (HEDGES.has(tokens[k].lower) || NEGATIONS.has(tokens[k].lower)) return true;
  }
  return false;
}

function isConditional(context: Context, content: { start: number; end: number }): boolean {
  const tokens = context.tokens.filter((t) => t.start >= content.start && t.end <= content.end);
  for (let i = 0; i < tokens.length; i++) {
    if (phraseAt(tokens, i, CONDITIONAL_PHRASES)) return true;
    if (READY_WORDS.has(tokens[i].lower)) {
      for (let j = i + 1; j < tokens.length && j <= i + 12; j++) {
        if (IF_WORDS.has(tokens[j].lower)) return true;
      }
    }
  }
  return false;
}
