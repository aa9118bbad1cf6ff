import type { Vocabulary } from '../draft';
import { tokenize, type Token } from './tokens';

export interface TopicMention {
  topic: string;
  start: number;
  end: number;
}

/**
 * Topic slugs of the vocabulary that the span is about: the words of the slug in one
 * sentence, in order and close together ("peace plan", "security guarantees"), or two of
 * them the other way round with a link ("the plan for peace", "the unity of NATO"), words
 * compared lightly stemmed. One mention per occurrence, in text order. Slugs are English: Cyrillic text
 * matches none.
 */
export function findTopics(
  text: string,
  span: { start: number; end: number },
  vocabulary: Vocabulary,
): TopicMention[] {
  const { tokens } = tokenize(text, span);
  const words = wordsOf(tokens);
  const mentions: TopicMention[] = [];
  for (const topic of new Set(vocabulary.topics)) {
    const parts = topic.split('-').map(stemWord);
    mentions.push(...occurrences(topic, parts, words));
  }
  return mentions.sort((a, b) => a.start - b.start || a.end - b.end);
}

interface StemmedWord {
  stem: string;
  start: number;
  end: number;
  sentence: number;
}

/** The words, and the compounds a hyphen joins ("cease-fire" is also "ceasefire"). */
function wordsOf(tokens: readonly Token[]): StemmedWord[] {
  const words: StemmedWord[] = [];
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (token.hyphenated && previous) {
      words.push({
        stem: stemWord(previous.lower + token.lower),
        start: previous.start,
        end: token.end,
        sentence: token.sentence,
      });
    }
    words.push({
      stem: stemWord(token.lower),
      start: token.start,
      end: token.end,
      sentence: token.sentence,
    });
  });
  return words;
}

/** Words allowed between two words of a topic in its order ("peace framework plan"). */
const MAX_GAP = 2;
/** Words that join a topic's words written the other way round ("the unity of NATO"). */
const LINKS = new Set(['of', 'for', 'on', 'about', 'to']);

function occurrences(
  topic: string,
  parts: readonly string[],
  words: StemmedWord[],
): TopicMention[] {
  const found: TopicMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const end = inOrder(parts, words, i) ?? reversed(parts, words, i);
    if (end === null) continue;
    found.push({ topic, start: words[i].start, end });
    while (i + 1 < words.length && words[i + 1].start < end) i += 1;
  }
  return found;
}

/** The end of the topic's words from word i in the slug's order, or null. */
function inOrder(parts: readonly string[], words: StemmedWord[], i: number): number | null {
  if (words[i].stem !== parts[0]) return null;
  let at = i;
  for (const part of parts.slice(1)) {
    const next = findAhead(words, at, MAX_GAP + 1, (w) => w.stem === part);
    if (next === null) return null;
    at = next;
  }
  return words[at].end;
}

/** "plan for peace", "unity of NATO": two words the other way round, with a link between. */
function reversed(parts: readonly string[], words: StemmedWord[], i: number): number | null {
  if (parts.length !== 2 || words[i].stem !== parts[1]) return null;
  const other = findAhead(words, i, MAX_GAP + 2, (w) => w.stem === parts[0]);
  if (other === null) return null;
  const linked = words.slice(i + 1, other).some((w) => LINKS.has(w.stem));
  return linked ? words[other].end : null;
}

function findAhead(
  words: StemmedWord[],
  from: number,
  reach: number,
  test: (word: StemmedWord) => boolean,
): number | null {
  for (let j = from + 1; j < words.length && j <= from + reach; j++) {
    if (words[j].sentence !== words[from].sentence) return null;
    if (test(words[j])) return j;
  }
  return null;
}

/**
 * A light English stemmer: plurals, -ed and -ing, a final silent e and a doubled final
 * consonant go, so that guarantees, guaranteed and guarantee meet, and plans and planned.
 */
export function stemWord(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ches|shes|sses|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ss|ll)$/.test(w)) w = w.slice(0, -1);
  return w;
}
