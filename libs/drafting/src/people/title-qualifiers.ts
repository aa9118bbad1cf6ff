import { actorIdOf } from '@app/contracts';
import { follows, plainGap, type Context, type Found, type WordClass } from './actor-context';
import { CONJUNCTIONS } from './lexicon';

/**
 * Drops the qualifiers of titles: a party or a possessive before a title that introduces a
 * named person ("US President Donald Trump", "Putin's aide Yuri Ushakov", "помічник Путіна
 * Юрій Ушаков"), or in an apposition after the name ("Boris Pistorius, Germany's defence
 * minister"). The qualifier becomes the person's affiliation when the vocabulary has none.
 */
export function withoutQualifiers(context: Context, found: Found[]): Found[] {
  const byFirst = new Map(found.map((f) => [f.first, f]));
  const byLast = new Map(found.map((f) => [f.last - 1, f]));
  const qualifiers = new Set<Found>();
  for (const qualifier of found) {
    const person = qualifier.person
      ? personQualified(context, qualifier, byFirst, byLast)
      : (personAfter(context, qualifier, byFirst) ?? personBefore(context, qualifier, byLast));
    if (!person) continue;
    qualifiers.add(qualifier);
    person.affiliation ??= affiliationOf(qualifier);
  }
  return found.filter((f) => !qualifiers.has(f));
}

const MAX_TITLE_WORDS = 6;
const TITLE_WORD: ReadonlySet<WordClass> = new Set(['role', 'institution', 'lower', 'stop']);

/**
 * A person whose title another person qualifies: "Putin's aide Yuri Ushakov", "Yuri
 * Ushakov, Putin's aide", or in the genitive right after a title, "помічник Путіна Юрій
 * Ушаков".
 */
function personQualified(
  context: Context,
  qualifier: Found,
  byFirst: Map<number, Found>,
  byLast: Map<number, Found>,
): Found | null {
  if (context.tokens[qualifier.last - 1].possessive) {
    return personAfter(context, qualifier, byFirst) ?? personBefore(context, qualifier, byLast);
  }
  const next = byFirst.get(qualifier.last);
  const adjacent = next?.person && follows(context, qualifier.last);
  return adjacent && roleBefore(context, qualifier.first) ? next : null;
}

function personAfter(
  context: Context,
  qualifier: Found,
  byFirst: Map<number, Found>,
): Found | null {
  const { tokens, classes } = context;
  let roles = 0;
  for (let j = qualifier.last; j < tokens.length && j < qualifier.last + MAX_TITLE_WORDS; j++) {
    if (!follows(context, j)) return null;
    const person = byFirst.get(j);
    if (person?.person) {
      const adjacent = j === qualifier.last && roleBefore(context, qualifier.first);
      return roles > 0 || adjacent ? person : null;
    }
    if (classes[j] === 'role') roles += 1;
    else if (!TITLE_WORD.has(classes[j]) || CONJUNCTIONS.has(tokens[j].lower)) return null;
  }
  return null;
}

function personBefore(
  context: Context,
  qualifier: Found,
  byLast: Map<number, Found>,
): Found | null {
  const { tokens, classes } = context;
  let roles = classes[qualifier.last] === 'role' && follows(context, qualifier.last) ? 1 : 0;
  for (let k = qualifier.first; k > 0 && k > qualifier.first - MAX_TITLE_WORDS; k--) {
    if (k !== qualifier.first) {
      if (classes[k] === 'role') roles += 1;
      else if (!TITLE_WORD.has(classes[k])) return null;
    }
    if (tokens[k - 1].sentence !== tokens[k].sentence) return null;
    if (/^\s*,\s*$/.test(tokens[k].gap)) {
      const person = byLast.get(k - 1);
      return person?.person && roles > 0 ? person : null;
    }
    if (!plainGap(tokens[k])) return null;
  }
  return null;
}

/** A role word among the few words before: "помічник Путіна", "Secretary of the NSDC". */
function roleBefore(context: Context, first: number): boolean {
  for (let k = first - 1; k >= 0 && k >= first - 3; k--) {
    if (!follows(context, k + 1)) return false;
    if (context.classes[k] === 'role') return true;
  }
  return false;
}

function affiliationOf(qualifier: Found): string | undefined {
  const target = qualifier.target;
  if (target.kind === 'new') return undefined;
  if (target.kind === 'actor') {
    return target.person ? (target.actor.affiliation ?? undefined) : target.actor.id;
  }
  return target.actor?.id ?? actorIdOf(target.place.names[0]);
}
