import { actorIdOf } from '@app/contracts';
import {
  foundOf,
  isPersonTarget,
  joins,
  plainGap,
  ROMAN,
  type Context,
  type Found,
  type FoundTarget,
} from './actor-context';
import { ADJECTIVE_ENDING } from './cyrillic';
import { ARTICLES, GEO_WORDS, INSTITUTION_WORDS, LOCATIVE_PREPOSITIONS } from './lexicon';
import {
  addPerson,
  entriesFor,
  isGeneration,
  surnamesFor,
  type NameEntry,
  type PersonName,
  type Target,
} from './name-index';
import { isLatinCaseForm, nameWord, sameGivenName, sameWord, type NameWord } from './name-words';
import { lowercaseWords } from './tokens';

/** Names of several words the vocabulary or the gazetteer knows: "the United States". */
export function knownPhrases(context: Context): Found[] {
  const found: Found[] = [];
  const { tokens, used } = context;
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].cap || context.classes[i] === 'stop') continue;
    const match = longestEntry(context, i, 2);
    if (!match) continue;
    const last = i + match.length;
    found.push(foundOf(match.entry.target, i, last));
    for (let j = i; j < last; j++) used[j] = true;
    i = last - 1;
  }
  return found;
}

function longestEntry(
  context: Context,
  i: number,
  minWords: number,
): { entry: NameEntry; length: number } | null {
  let best: { entry: NameEntry; length: number } | null = null;
  for (const entry of entriesFor(context.index, context.word(i))) {
    if (entry.words.length < minWords) continue;
    const length = matchedLength(context, i, entry);
    if (length === 0) continue;
    const better =
      !best ||
      length > best.length ||
      (length === best.length &&
        entry.target.kind === 'actor' &&
        best.entry.target.kind !== 'actor');
    if (better) best = { entry, length };
  }
  return best;
}

function matchedLength(context: Context, i: number, entry: NameEntry): number {
  const { tokens } = context;
  let j = i;
  for (const word of entry.words) {
    if (j >= tokens.length || context.used[j]) return 0;
    if (j > i && !joins(context, j)) return 0;
    if (typeof word === 'string' ? tokens[j].lower !== word : !sameWord(context.word(j), word)) {
      return 0;
    }
    j += 1;
  }
  return j - i;
}

/** Runs of capitalised words (with name particles between them), and abbreviations alone. */
export function runsOf(context: Context): number[][] {
  const { tokens, classes, used } = context;
  const runs: number[][] = [];
  let current: number[] = [];
  const flush = () => {
    if (current.length > 0) runs.push(current);
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const kind = classes[i];
    if (used[i]) {
      flush();
      continue;
    }
    if (kind === 'acronym') {
      flush();
      runs.push([i]);
      continue;
    }
    const particle = kind === 'particle' && current.length > 0 && particleJoins(context, i);
    if (particle) {
      current.push(i);
      continue;
    }
    if (kind !== 'name') {
      flush();
      continue;
    }
    if (current.length > 0 && !joins(context, i)) flush();
    current.push(i);
    if (tokens[i].possessive) flush();
  }
  flush();
  return runs;
}

/** "von der" in "Ursula von der Leyen": particles joined to a capitalised word after them. */
function particleJoins(context: Context, i: number): boolean {
  let j = i;
  while (context.classes[j] === 'particle') {
    if (!joins(context, j)) return false;
    j += 1;
  }
  return context.classes[j] === 'name' && !context.used[j] && joins(context, j);
}

export function resolveRun(context: Context, run: readonly number[]): Found[] {
  const names = run.filter((i) => context.classes[i] !== 'particle');
  if (names.length === 0) return [];
  if (names.length === 1) return resolveWord(context, names[0]);
  const person = matchPerson(context, run);
  if (person) return [person];
  const head = single(context, names[0]);
  if (head) {
    const rest = run.slice(run.indexOf(names[1]));
    return [foundOf(head.target, names[0], names[0] + 1), ...resolveRun(context, rest)];
  }
  // A capitalised Cyrillic word opening the sentence may be a common noun whose other
  // forms the text never writes in lowercase: "Слова Путіна".
  const opening = context.tokens[names[0]];
  if (opening.initial && opening.cyrillic) {
    const rest = resolveRun(context, run.slice(run.indexOf(names[1])));
    if (rest.some((f) => f.target.kind !== 'new')) return rest;
  }
  if (isPersonLike(context, run)) return [newPerson(context, run)];
  return names.flatMap((i) => {
    const hit = single(context, i);
    return hit && !isPersonTarget(hit.target) ? [foundOf(hit.target, i, i + 1)] : [];
  });
}

function resolveWord(context: Context, i: number): Found[] {
  const hit = single(context, i);
  if (hit) return [foundOf(hit.target, i, i + 1)];
  if (context.classes[i] !== 'name') return [];
  if (hasTitleCue(context, i) && isSurnameLike(context, i)) return [newPerson(context, [i])];
  context.pending.push(i);
  return [];
}

/** What one word names: a known name, a place, a demonym, an abbreviation, a surname. */
function single(context: Context, i: number): { target: Target } | null {
  const { index } = context;
  const token = context.tokens[i];
  const word = context.word(i);
  if (token.allCaps || token.text.length >= 4) {
    const acronym = token.allCaps ? token.text : token.text.toUpperCase();
    const entries = index.acronyms.get(acronym);
    if (entries && entries.length > 0) return { target: preferActors(entries).target };
  }
  if (token.allCaps) return null;
  const entries = entriesFor(index, word).filter(
    (entry) =>
      entry.words.length === 1 &&
      typeof entry.words[0] !== 'string' &&
      sameWord(word, entry.words[0]),
  );
  if (entries.length > 0) return { target: preferActors(entries).target };
  if (token.cyrillic) {
    const demonym = cyrillicDemonym(context, token.lower);
    if (demonym) return { target: demonym };
  }
  const person =
    knownSurname(context, word, index.surnames) ?? knownSurname(context, word, context.locals);
  if (person) return { target: person };
  const demonym = token.cyrillic ? null : latinDemonym(context, token.text);
  return demonym ? { target: demonym } : null;
}

function preferActors(entries: readonly NameEntry[]): NameEntry {
  return entries.find((entry) => entry.target.kind === 'actor') ?? entries[0];
}

/** The one person with this surname: "Zelensky", "Зеленського", "Umerova". */
function knownSurname(
  context: Context,
  word: NameWord,
  surnames: ReadonlyMap<string, readonly PersonName[]>,
): Target | null {
  const candidates = surnamesFor(surnames, word, latinCaseKeys(word)).filter(
    (person) => sameWord(word, person.surname) || isLatinCaseForm(word, person.surname),
  );
  return onePerson(candidates);
}

/** The keys of a Latin surname without a case ending -a, to look its nominative up. */
function latinCaseKeys(word: NameWord): string[] {
  return !word.cyrillic && word.key.endsWith('a') ? [word.key.slice(0, -1)] : [];
}

function onePerson(candidates: readonly PersonName[]): Target | null {
  if (candidates.length === 0) return null;
  const plain = candidates.some((p) => !p.generation)
    ? candidates.filter((p) => !p.generation)
    : candidates;
  const ids = new Set(plain.map((p) => p.actor.id));
  if (ids.size !== 1) return null;
  return { kind: 'actor', actor: plain[0].actor, person: true };
}

/** "Ukrainian" -> Ukraine, "Georgian" -> Georgia, when the vocabulary knows the country. */
function latinDemonym(context: Context, word: string): Target | null {
  const match = /^(\p{Lu}\p{Ll}+?)(ians?|eans?|ans?|ese|ish|is?)$/u.exec(word);
  if (!match) return null;
  for (const ending of ['', 'a', 'ia', 'e', 'y', 'o']) {
    const candidate = nameWord(match[1] + ending);
    for (const entry of entriesFor(context.index, candidate)) {
      const first = entry.words[0];
      if (entry.words.length !== 1 || typeof first === 'string' || first.key !== candidate.key) {
        continue;
      }
      if (entry.target.kind === 'actor' && !entry.target.person) return entry.target;
      if (entry.target.kind === 'place' && entry.target.actor) return entry.target;
    }
  }
  return null;
}

/** "українська делегація", "американского", "росіяни": the country, as an adjective or people. */
function cyrillicDemonym(context: Context, lower: string): Target | null {
  for (const { stem, target } of context.index.cyrillicStems) {
    if (lower.startsWith(stem) && ADJECTIVE_ENDING.test(lower.slice(stem.length))) return target;
  }
  return null;
}

export function cyrillicDemonyms(context: Context): Found[] {
  const found: Found[] = [];
  context.tokens.forEach((token, i) => {
    if (!token.cyrillic || context.used[i] || context.classes[i] === 'role') return;
    const target = cyrillicDemonym(context, token.lower);
    if (target) {
      found.push(foundOf(target, i, i + 1));
      context.used[i] = true;
    }
  });
  return found;
}

/**
 * A person's full name: the surname matches and so does the given name (or its initial, or
 * another spelling of it); a patronymic or middle name between them is skipped.
 */
function matchPerson(context: Context, run: readonly number[]): Found | null {
  const { tokens } = context;
  let names = run.filter((i) => context.classes[i] !== 'particle');
  const generation = names.length > 1 && isGeneration(tokens[names[names.length - 1]].text);
  if (generation) names = names.slice(0, -1);
  if (names.length < 2) return null;
  const surname = context.word(names[names.length - 1]);
  const given = context.word(names[0]);
  const matches = (surnames: ReadonlyMap<string, readonly PersonName[]>) =>
    surnamesFor(surnames, surname, latinCaseKeys(surname)).filter(
      (person) =>
        person.generation === generation &&
        (sameWord(surname, person.surname) || isLatinCaseForm(surname, person.surname)) &&
        person.given.some((name) => sameGivenName(given, name)),
    );
  const known = matches(context.index.surnames);
  const candidates = known.length > 0 ? known : matches(context.locals);
  const ids = new Set(candidates.map((p) => p.actor.id));
  if (ids.size !== 1) return null;
  const actor = candidates[0].actor;
  const target: Target = { kind: 'actor', actor, person: true };
  if (known.length === 0) {
    return {
      first: run[0],
      last: run[run.length - 1] + 1,
      target: localTarget(actor),
      person: true,
    };
  }
  return foundOf(target, run[0], run[run.length - 1] + 1);
}

function localTarget(actor: { id: string; name: string }): FoundTarget {
  return { kind: 'new', id: actor.id, name: actor.name };
}

/** A name of a person not known yet: two to five capitalised words, none of a place or body. */
function isPersonLike(context: Context, run: readonly number[]): boolean {
  const { tokens, classes } = context;
  const names = run.filter((i) => classes[i] !== 'particle');
  if (names.length < 2 || names.length > 5) return false;
  if (ARTICLES.has(tokens[names[0]].lower)) return false;
  for (const i of names) {
    const token = tokens[i];
    if (token.allCaps && !ROMAN.test(token.text)) return false;
    if (/\p{N}/u.test(token.text)) return false;
    if (GEO_WORDS.has(token.lower) || INSTITUTION_WORDS.has(token.lower)) return false;
    const hit = single(context, i);
    if (hit && !isPersonTarget(hit.target)) return false;
  }
  if (!isSurnameLike(context, names[names.length - 1])) return false;
  return !isAfterLocative(context, run[0]) || hasTitleCue(context, run[0]);
}

/** A surname: capitalised, never written in lowercase in the text, not a place. */
function isSurnameLike(context: Context, i: number): boolean {
  const token = context.tokens[i];
  if (token.text.length < 2 || token.allCaps || !token.cap) return false;
  if (GEO_WORDS.has(token.lower) || INSTITUTION_WORDS.has(token.lower)) return false;
  return !lowercaseWords(context.text).has(token.lower);
}

/** "President Macron", "канцлер Мерц", "Secretary of State Rubio". */
function hasTitleCue(context: Context, i: number): boolean {
  const { classes } = context;
  if (i === 0 || !joins(context, i)) return false;
  if (classes[i - 1] === 'role') return true;
  if (classes[i - 1] !== 'institution') return false;
  for (let j = i - 2; j >= Math.max(0, i - 4); j--) {
    if (classes[j] === 'role') return true;
  }
  return false;
}

function newPerson(context: Context, run: readonly number[]): Found {
  const { tokens } = context;
  const first = run[0];
  const last = run[run.length - 1] + 1;
  const name = context.text.slice(tokens[first].start, tokens[last - 1].end).replace(/\s+/g, ' ');
  const known = knownLocal(context, run);
  if (known) return { first, last, target: localTarget(known), person: true };
  const id = actorIdOf(name);
  addPerson(context.locals, { id, name, aliases: [] }, name);
  return { first, last, target: { kind: 'new', id, name }, person: true };
}

/** The same new person named again in another form ("Юрій Ушаков", then "Юрія Ушакова"). */
function knownLocal(context: Context, run: readonly number[]): { id: string; name: string } | null {
  if (run.length < 2) return null;
  const found = matchPerson(context, run);
  return found && found.target.kind === 'new' ? found.target : null;
}

/** Surnames alone of people this span proposed as new: "Andrii Hnatov ... Hnatov said". */
export function laterSurnames(context: Context): Found[] {
  return context.pending.flatMap((i) => {
    const target = knownSurname(context, context.word(i), context.locals);
    if (!target || target.kind !== 'actor') return [];
    return [{ first: i, last: i + 1, target: localTarget(target.actor), person: true }];
  });
}

/** In text order, without a name inside another (a surname inside a full name). */
export function outermost(found: Found[]): Found[] {
  const sorted = [...found].sort((a, b) => a.first - b.first || b.last - a.last);
  return sorted.filter(
    (f, i) =>
      !sorted.some(
        (g, j) =>
          j !== i &&
          g.first <= f.first &&
          f.last <= g.last &&
          (g.first !== f.first || g.last !== f.last || j < i),
      ),
  );
}

function isAfterLocative(context: Context, first: number): boolean {
  const previous = context.tokens[first - 1];
  return !!previous && LOCATIVE_PREPOSITIONS.has(previous.lower) && plainGap(context.tokens[first]);
}
