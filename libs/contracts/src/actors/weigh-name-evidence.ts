import { compareNameWords, type NameWordMatch } from './compare-name-words';
import type { NameWord, ParsedActorName } from './parse-actor-name';

/** How strongly two parsed names alone say "one actor", before any other evidence. */
export interface NameEvidence {
  score: number;
  reasons: string[];
  /** The word pairs the verdict rests on, to tell how their spellings differ. */
  matched: Array<[NameWord, NameWord, NameWordMatch]>;
}

export function weighNameEvidence(p: ParsedActorName, q: ParsedActorName): NameEvidence {
  if (p.words.length === 0 || q.words.length === 0) return verdict(0, ['no-name']);
  if (p.generation !== q.generation) return verdict(0.3, ['generation-conflict']);
  const short = p.significant.length <= q.significant.length ? p : q;
  const long = short === p ? q : p;
  if (long.significant.length === 1) return weighSingleWords(short, long);
  if (short.significant.length === 1) return weighSurnameAlone(short, long);
  return weighFullNames(short, long);
}

function weighSingleWords(p: ParsedActorName, q: ParsedActorName): NameEvidence {
  const match = compareNameWords(p.significant[0], q.significant[0]);
  const pairs = [[p.significant[0], q.significant[0], match]] as NameEvidence['matched'];
  if (match === 'same') return verdict(0.92, [], pairs);
  if (match === 'variant') return verdict(0.85, [], pairs);
  return verdict(match === 'gender' ? 0.2 : 0.1, match === 'gender' ? ['gender-form'] : []);
}

/** "Zelensky" for "Volodymyr Zelensky"; "D. Trump" for "Donald Trump". */
function weighSurnameAlone(single: ParsedActorName, full: ParsedActorName): NameEvidence {
  const surname = single.significant[0];
  const fullSurname = last(full.significant);
  const match = compareNameWords(surname, fullSurname);
  if (match === 'gender') return verdict(0.2, ['gender-form']);
  if (match !== 'same' && match !== 'variant') {
    const sharesOther = full.significant.some((w) => isOneName(compareNameWords(surname, w)));
    return verdict(sharesOther ? 0.3 : 0.1, sharesOther ? ['shared-first-name'] : []);
  }
  const pairs = [[surname, fullSurname, match]] as NameEvidence['matched'];
  const initial = single.words.find((w) => w.role === 'initial');
  if (initial && initial.ascii !== full.significant[0].ascii[0]) {
    return verdict(0.3, ['initial-conflict']);
  }
  return verdict(match === 'same' ? 0.8 : 0.75, ['surname'], pairs);
}

function weighFullNames(p: ParsedActorName, q: ParsedActorName): NameEvidence {
  const surname = compareNameWords(last(p.significant), last(q.significant));
  const pFirst = p.significant[0];
  const qFirst = q.significant[0];
  if (!isOneName(surname)) {
    if (surname === 'gender') return verdict(0.2, ['gender-form']);
    const sharedFirst = isOneName(compareNameWords(pFirst, qFirst));
    return verdict(sharedFirst ? 0.3 : 0.1, sharedFirst ? ['shared-first-name'] : []);
  }
  const pairs: NameEvidence['matched'] = [[last(p.significant), last(q.significant), surname]];
  const given = matchGivenName(p, q);
  if (given) {
    pairs.push(given);
    const reasons = given[0] === pFirst && given[1] === qFirst ? [] : ['middle-name'];
    if (middleInitialsConflict(p, q)) return verdict(0.45, ['middle-name-conflict']);
    const score = given[2] === 'same' && surname === 'same' ? 0.95 : 0.9;
    return verdict(score, reasons, pairs);
  }
  if (compareNameWords(pFirst, qFirst) === 'compatible') {
    return verdict(0.62, ['compatible-first-name'], pairs);
  }
  return verdict(0.25, ['first-name-conflict']);
}

/** The given names agree: first with first, or one's first with the other's middle name. */
function matchGivenName(
  p: ParsedActorName,
  q: ParsedActorName,
): NameEvidence['matched'][number] | null {
  const pGiven = p.significant.slice(0, -1);
  const qGiven = q.significant.slice(0, -1);
  for (const y of qGiven) {
    const match = compareNameWords(pGiven[0], y);
    if (isOneName(match)) return [pGiven[0], y, match];
  }
  for (const x of pGiven) {
    const match = compareNameWords(x, qGiven[0]);
    if (isOneName(match)) return [x, qGiven[0], match];
  }
  return null;
}

/** "Donald J. Trump" and "Donald F. Trump": both name a middle initial, and they differ. */
function middleInitialsConflict(p: ParsedActorName, q: ParsedActorName): boolean {
  const pInitial = p.words.find((w) => w.role === 'initial');
  const qInitial = q.words.find((w) => w.role === 'initial');
  return !!pInitial && !!qInitial && pInitial.ascii !== qInitial.ascii;
}

function isOneName(match: NameWordMatch): boolean {
  return match === 'same' || match === 'variant';
}

function last<T>(items: readonly T[]): T {
  return items[items.length - 1];
}

function verdict(
  score: number,
  reasons: string[],
  matched: NameEvidence['matched'] = [],
): NameEvidence {
  return { score, reasons, matched };
}
