import { actorIdOf } from '@app/contracts';
import type { KnownActor, Vocabulary } from '../draft';
import { PLACES, type Place } from './gazetteer';
import { ARTICLES, GEO_WORDS, INSTITUTION_WORDS, NAME_PARTICLES } from './lexicon';
import { lookupKeys, nameWord, storedKeys, type NameWord } from './name-words';

/** What a name of the index stands for. */
export type Target =
  | { kind: 'actor'; actor: KnownActor; person: boolean }
  | { kind: 'place'; place: Place; actor: KnownActor | null; demonym: boolean };

export interface NameEntry {
  target: Target;
  /** The words of the name; function words ("of", "the") are matched literally. */
  words: ReadonlyArray<NameWord | string>;
}

/** A person's name, matched given name and surname apart. */
export interface PersonName {
  actor: KnownActor;
  given: readonly NameWord[];
  surname: NameWord;
  generation: boolean;
}

export interface VocabularyIndex {
  /** Entries by the lookup keys of their first word. */
  names: ReadonlyMap<string, readonly NameEntry[]>;
  acronyms: ReadonlyMap<string, readonly NameEntry[]>;
  /** People by the keys of their surname. */
  surnames: ReadonlyMap<string, readonly PersonName[]>;
  /** Stems of demonym adjectives and nouns in Cyrillic (українськ, американц). */
  cyrillicStems: ReadonlyArray<{ stem: string; target: Target }>;
}

const INDEXES = new WeakMap<Vocabulary, VocabularyIndex>();

export function vocabularyIndex(vocabulary: Vocabulary): VocabularyIndex {
  const cached = INDEXES.get(vocabulary);
  if (cached) return cached;
  const index = buildIndex(vocabulary.actors);
  INDEXES.set(vocabulary, index);
  return index;
}

/** Words matched as written inside a name: "United States of America". */
export const LITERAL_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'und', 'et']);

const GENERATIONS = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'junior', 'senior']);

/** The places that are one of these names. */
const PLACE_KEYS = new Map<string, Place>(
  PLACES.flatMap((place) =>
    [...place.names, ...place.cyrillic].map((name) => [keySequence(name), place] as const),
  ),
);

function buildIndex(actors: readonly KnownActor[]): VocabularyIndex {
  const names = new Map<string, NameEntry[]>();
  const acronyms = new Map<string, NameEntry[]>();
  const surnames = new Map<string, PersonName[]>();
  const byKeys = new Map<string, KnownActor>();
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  for (const actor of actors) {
    const person = isPersonName(actor.name);
    const target: Target = { kind: 'actor', actor, person };
    const spellings = [actor.name, ...actor.aliases];
    if (!actor.id.includes('-') && actor.id.length <= 5) spellings.push(actor.id.toUpperCase());
    for (const spelling of new Set(spellings)) {
      const words = splitName(spelling);
      if (words.length === 0) continue;
      const sequence = keySequence(spelling);
      if (!byKeys.has(sequence)) byKeys.set(sequence, actor);
      if (person && significantWords(words).length >= 2) {
        addPerson(surnames, actor, spelling);
        continue;
      }
      if (isAcronym(spelling)) add(acronyms, spelling.replace(/\./g, ''), { target, words });
      else addEntry(names, { target, words: entryWords(words) });
      if (!person && words.length >= 2) {
        const initials = significantWords(words)
          .map((w) => w[0].toUpperCase())
          .join('');
        if (initials.length >= 2) add(acronyms, initials, { target, words: [initials] });
      }
    }
  }
  const cyrillicStems: Array<{ stem: string; target: Target }> = [];
  for (const place of PLACES) {
    const actor =
      [...place.names, ...place.cyrillic]
        .map((name) => byKeys.get(keySequence(name)) ?? byId.get(actorIdOf(name)))
        .find((found) => found !== undefined) ?? null;
    const target = (demonym: boolean): Target => ({ kind: 'place', place, actor, demonym });
    for (const name of [...place.names, ...place.cyrillic]) {
      const words = splitName(name);
      if (isAcronym(name)) add(acronyms, name, { target: target(false), words });
      else addEntry(names, { target: target(false), words: entryWords(words) });
    }
    for (const demonym of place.demonyms ?? []) {
      addEntry(names, { target: target(true), words: entryWords(splitName(demonym)) });
    }
    for (const stem of place.cyrillicStems ?? [])
      cyrillicStems.push({ stem, target: target(true) });
  }
  return { names, acronyms, surnames, cyrillicStems };
}

function addEntry(names: Map<string, NameEntry[]>, entry: NameEntry): void {
  const first = entry.words[0];
  if (first === undefined) return;
  const keys = typeof first === 'string' ? [first] : storedKeys(first);
  for (const key of keys) add(names, key, entry);
}

export function addPerson(
  surnames: Map<string, PersonName[]>,
  actor: KnownActor,
  spelling: string,
): void {
  const words = splitName(spelling);
  const generation = words.some((w) => GENERATIONS.has(w.toLowerCase()));
  const significant = significantWords(words).filter((w) => !GENERATIONS.has(w.toLowerCase()));
  if (significant.length === 0) return;
  const surname = nameWord(significant[significant.length - 1]);
  const person: PersonName = {
    actor,
    given: significant.slice(0, -1).map(nameWord),
    surname,
    generation,
  };
  for (const key of storedKeys(surname)) {
    const list = surnames.get(key) ?? [];
    if (!list.some((p) => p.actor.id === actor.id && sameSpelling(p, person))) list.push(person);
    surnames.set(key, list);
  }
}

function sameSpelling(a: PersonName, b: PersonName): boolean {
  return (
    a.surname.text === b.surname.text &&
    a.given.map((w) => w.text).join(' ') === b.given.map((w) => w.text).join(' ')
  );
}

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Candidates for a word of the text: entries whose first word it may be. */
export function entriesFor(index: VocabularyIndex, word: NameWord): NameEntry[] {
  const found = new Set<NameEntry>();
  for (const key of lookupKeys(word)) index.names.get(key)?.forEach((entry) => found.add(entry));
  return [...found];
}

export function surnamesFor(
  surnames: ReadonlyMap<string, readonly PersonName[]>,
  word: NameWord,
  extraKeys: readonly string[] = [],
): PersonName[] {
  const found = new Set<PersonName>();
  for (const key of [...lookupKeys(word), ...extraKeys]) {
    surnames.get(key)?.forEach((person) => found.add(person));
  }
  return [...found];
}

/**
 * Whether a known name is a person's: two words or more, none of them the word of an
 * institution or a place, and not the name of a country or an organisation.
 */
export function isPersonName(name: string): boolean {
  const words = splitName(name);
  if (words.length < 2 || isAcronym(name)) return false;
  if (ARTICLES.has(words[0].toLowerCase())) return false;
  if (words.some((w) => INSTITUTION_WORDS.has(w.toLowerCase()) || GEO_WORDS.has(w.toLowerCase())))
    return false;
  if (words.some((w) => w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w))) return false;
  return !PLACE_KEYS.has(keySequence(name)) && significantWords(words).length >= 2;
}

/** The words of a name: split at spaces, hyphens and dots; a leading English article dropped. */
export function splitName(name: string): string[] {
  const words = name.split(/[^\p{L}\p{M}\p{N}'’ʼ]+/u).filter(Boolean);
  return words.length > 1 && words[0].toLowerCase() === 'the' ? words.slice(1) : words;
}

function entryWords(words: readonly string[]): Array<NameWord | string> {
  return words.map((w) => (LITERAL_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : nameWord(w)));
}

export function isGeneration(word: string): boolean {
  return GENERATIONS.has(word.toLowerCase());
}

function significantWords(words: readonly string[]): string[] {
  return words.filter(
    (w, i) =>
      !LITERAL_WORDS.has(w.toLowerCase()) &&
      !(i < words.length - 1 && NAME_PARTICLES.has(w) && w === w.toLowerCase()) &&
      !(w.length === 1 && i < words.length - 1),
  );
}

function isAcronym(name: string): boolean {
  const compact = name.replace(/\./g, '');
  return /^[\p{Lu}\p{N}]{2,6}$/u.test(compact) && /\p{L}/u.test(compact);
}

function keySequence(name: string): string {
  return splitName(name)
    .map((w) => (LITERAL_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : nameWord(w).key))
    .join(' ');
}
