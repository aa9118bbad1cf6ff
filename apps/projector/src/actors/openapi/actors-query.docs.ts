import type { z } from 'zod';
import { KNOWN_AT_DESCRIPTION } from '@app/http';
import type {
  actorPositionsQuerySchema,
  actorsQuerySchema,
  duplicateActorsQuerySchema,
  similarActorsQuerySchema,
} from '../actors-query.schema';

export const ACTORS_QUERY_DESCRIPTIONS = {
  sort: '`name` (A to Z), `activity` (most developments first) or `recent` (latest seen first).',
  affiliation: 'Only actors with this affiliation id.',
  prefix:
    'Only actors with a word of their name, id or an alias name starting with this ' +
    '(`zel`, `Зел`, `volodymyr z`): case, accents and apostrophes do not count, and Cyrillic ' +
    'also matches its Latin transliteration. 1 to 100 characters. Combines with the others.',
  limit: 'Page size.',
  cursor: 'The `nextCursor` of the previous page, issued for the same `sort`.',
  knownAt: KNOWN_AT_DESCRIPTION,
} satisfies Record<keyof z.input<typeof actorsQuerySchema>, string>;

export const ACTOR_POSITIONS_QUERY_DESCRIPTIONS = {
  topic: 'Only the position on this topic.',
  asOf: 'Answer as if only statements made on or before this day (`YYYY-MM-DD`) existed.',
  historyLimit: 'How many of the latest statements each `history` holds.',
  knownAt: KNOWN_AT_DESCRIPTION,
} satisfies Record<keyof z.input<typeof actorPositionsQuerySchema>, string>;

export const SIMILAR_ACTORS_QUERY_DESCRIPTIONS = {
  limit: 'How many candidates at most (1 to 50).',
} satisfies Record<keyof z.input<typeof similarActorsQuerySchema>, string>;

export const DUPLICATE_ACTORS_QUERY_DESCRIPTIONS = {
  limit: 'Page size.',
  cursor: 'The `nextCursor` of the previous page.',
} satisfies Record<keyof z.input<typeof duplicateActorsQuerySchema>, string>;

export const ACTOR_ID_DESCRIPTION =
  'The slug of the actor\'s name (`"Volodymyr Zelensky"` -> `volodymyr-zelensky`), or the id a development gave it. An actor merged into another answers for that one.';
