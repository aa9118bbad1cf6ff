import { parseActorName, type ParsedActorName } from './parse-actor-name';
import { weighNameEvidence, type NameEvidence } from './weigh-name-evidence';

export interface ActorIdentityFacts {
  id: string;
  name: string;
  affiliation: string | null;
}

export interface ActorSimilarity {
  /** 0..1; likely duplicates score at least LIKELY_SCORE. */
  score: number;
  likely: boolean;
  /** Short machine words: what the verdict rests on ("surname", "transliteration", ...). */
  reasons: string[];
}

export const LIKELY_SCORE = 0.7;

/**
 * Whether two actors are probably one person or organisation, from their names, with a
 * shared affiliation as supporting evidence only. Symmetric: the pair is put in a fixed
 * order first, so compareActors(a, b) and compareActors(b, a) are equal.
 */
export function compareActors(a: ActorIdentityFacts, b: ActorIdentityFacts): ActorSimilarity {
  // Destructuring is avoided on this path: it costs an iterator per call.
  const x = comesFirst(a, b) ? a : b;
  const y = x === a ? b : a;
  const p = parseWithFallback(x);
  const q = parseWithFallback(y);
  const sameName = p.words.length > 0 && p.spelling === q.spelling;
  const evidence = sameName
    ? { score: 1, reasons: ['same-name'], matched: [] }
    : weighNameEvidence(p, q);
  const reasons = [...evidence.reasons];
  let score = evidence.score;
  if (score >= LIKELY_SCORE && !sameName) reasons.push(...spellingReasons(p, q, evidence));
  const affiliations = affiliationsOf(x, y);
  if (affiliations === 'same') {
    score = Math.min(1, score + (score >= 0.5 ? 0.1 : 0.05));
    reasons.push('affiliation');
  } else if (affiliations === 'different') {
    // Two stated affiliations that differ speak against one actor, short of ruling it out
    // (a person's affiliation changes, and outlets name it differently).
    score = Math.max(0, score - 0.3);
    reasons.push('affiliation-conflict');
  }
  score = Math.round(score * 1000) / 1000;
  return { score, likely: score >= LIKELY_SCORE, reasons };
}

function spellingReasons(p: ParsedActorName, q: ParsedActorName, evidence: NameEvidence): string[] {
  const reasons: string[] = [];
  if (p.nonLatin !== q.nonLatin) reasons.push('transliteration');
  else if (p.diacritics !== q.diacritics && !p.nonLatin) reasons.push('diacritics');
  const respelled = evidence.matched.some(
    (pair) =>
      pair[2] === 'variant' || (pair[0].ascii !== pair[1].ascii && p.nonLatin === q.nonLatin),
  );
  if (respelled) reasons.push('spelling-variant');
  MARKED_ROLES.forEach((role) => {
    if (hasRole(p, role) !== hasRole(q, role)) reasons.push(role);
  });
  return reasons;
}

const MARKED_ROLES = ['article', 'patronymic', 'initial'] as const;

function hasRole(name: ParsedActorName, role: string): boolean {
  return name.words.some((w) => w.role === role);
}

function parseWithFallback(actor: ActorIdentityFacts): ParsedActorName {
  const parsed = parseActorName(actor.name);
  return parsed.words.length > 0 ? parsed : parseActorName(actor.id.replace(SLUG_DASHES, ' '));
}

const SLUG_DASHES = /-/g;

function affiliationsOf(
  a: ActorIdentityFacts,
  b: ActorIdentityFacts,
): 'same' | 'different' | 'unknown' {
  const tidy = (s: string | null) => s?.trim().toLowerCase() ?? '';
  const [x, y] = [tidy(a.affiliation), tidy(b.affiliation)];
  if (x === '' || y === '') return 'unknown';
  return x === y ? 'same' : 'different';
}

function comesFirst(a: ActorIdentityFacts, b: ActorIdentityFacts): boolean {
  if (a.id !== b.id) return a.id < b.id;
  if (a.name !== b.name) return a.name < b.name;
  return (a.affiliation ?? '') <= (b.affiliation ?? '');
}
