import type { KnownActor, Vocabulary } from '../../draft';

/** A read model's actors for the tests of this folder: countries, bodies and people. */
export const ACTORS: readonly KnownActor[] = [
  { id: 'ukraine', name: 'Ukraine', aliases: [] },
  { id: 'russia', name: 'Russia', aliases: [] },
  { id: 'usa', name: 'United States', aliases: [] },
  { id: 'europe', name: 'Europe', aliases: [] },
  { id: 'eu', name: 'European Union', aliases: [] },
  { id: 'nato', name: 'NATO', aliases: [] },
  { id: 'georgia', name: 'Georgia', aliases: [] },
  {
    id: 'nsdc',
    name: 'National Security and Defense Council',
    aliases: [],
    affiliation: 'ukraine',
  },
  {
    id: 'volodymyr-zelensky',
    name: 'Volodymyr Zelensky',
    aliases: ['Volodymyr Zelenskyy', 'volodymyr-zelenskyy'],
    affiliation: 'ukraine',
  },
  { id: 'vladimir-putin', name: 'Vladimir Putin', aliases: [], affiliation: 'russia' },
  { id: 'rustem-umerov', name: 'Rustem Umerov', aliases: [], affiliation: 'ukraine' },
  { id: 'donald-trump', name: 'Donald Trump', aliases: [], affiliation: 'usa' },
  { id: 'donald-trump-jr', name: 'Donald Trump Jr.', aliases: [], affiliation: 'usa' },
  { id: 'friedrich-merz', name: 'Friedrich Merz', aliases: [], affiliation: 'germany' },
  { id: 'emmanuel-macron', name: 'Emmanuel Macron', aliases: [], affiliation: 'france' },
];

export const TOPICS = [
  'peace-plan',
  'security-guarantees',
  'ceasefire',
  'territorial-issues',
  'sanctions',
  'nato-unity',
];

/** The actors and topics, without any alias of a place. */
export const VOCABULARY: Vocabulary = { actors: ACTORS, topics: TOPICS };

/** The same, after "moscow" and "the-kremlin" were merged into russia. */
export const MERGED_VOCABULARY: Vocabulary = {
  actors: ACTORS.map((actor) =>
    actor.id === 'russia'
      ? { ...actor, aliases: ['Moscow', 'moscow', 'the Kremlin', 'the-kremlin'] }
      : actor,
  ),
  topics: TOPICS,
};

export function whole(text: string): { start: number; end: number } {
  return { start: 0, end: text.length };
}
