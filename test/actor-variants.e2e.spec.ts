import { actorIdOf } from '@app/contracts';
import {
  ActorVariantGroup,
  GIVEN_DISTRACTORS,
  GIVEN_GROUPS,
  OWN_DISTRACTORS,
  OWN_GROUPS,
} from '../libs/contracts/src/actors/testing/actor-variant-groups';
import { NewslineUnderTest } from './support/newsline-under-test';

type Json = Record<string, any>;

const pairKey = (a: string, b: string) => [actorIdOf(a), actorIdOf(b)].sort().join(' + ');

function isOneId(pair: string): boolean {
  const [a, b] = pair.split(' + ');
  return a === b;
}

function groupPairs(groups: readonly ActorVariantGroup[]): string[] {
  return groups.flatMap((group) => {
    const names = [group.canonical, ...group.variants];
    return names.flatMap((a, i) => names.slice(i + 1).map((b) => pairKey(a, b)));
  });
}

/**
 * Real spellings of real actors, and look-alikes, each posted as the actor of a development
 * of its own; the duplicates the API then lists are judged as a reader would.
 */
describe('duplicate candidates on real spellings, through the API', () => {
  let system: NewslineUnderTest;
  let found: Set<string>;

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
    const actors = [
      ...[...GIVEN_GROUPS, ...OWN_GROUPS].flatMap((group) => [
        { name: group.canonical, affiliation: group.affiliation },
        ...group.variants.map((name) => ({ name })),
      ]),
      ...[...GIVEN_DISTRACTORS, ...OWN_DISTRACTORS].flat().map((name) => ({ name })),
    ];
    const lines = actors.map((actor, index) =>
      JSON.stringify({
        occurredOn: '2025-12-01',
        title: `Development ${index} naming ${actor.name}`,
        actors: [actor],
      }),
    );
    const response = await system.post('/v1/developments/batch', lines.join('\n'), {
      'content-type': 'application/x-ndjson',
    });
    expect(response.status).toBe(200);
    await system.caughtUp();
    found = new Set();
    let cursor: string | null = null;
    do {
      const page: Json = await system.getJson(
        `/v1/actors/duplicates?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      for (const pair of page.items) found.add(pair.actors.map((a: Json) => a.id).join(' + '));
      cursor = page.nextCursor;
    } while (cursor);
  });

  afterAll(() => system?.stop());

  it.each([
    ['the given groups', GIVEN_GROUPS],
    ['our own groups', OWN_GROUPS],
  ])('lists at least 90%% of the pairs within %s as likely', (_label, groups) => {
    const pairs = groupPairs(groups);
    // Two spellings with one slug (Maroš Šefčovič, Maros Sefcovic) are one actor already.
    const missed = pairs.filter((pair) => !found.has(pair) && !isOneId(pair));
    const recall = (pairs.length - missed.length) / pairs.length;
    // On failure, the pairs missed are in the message.
    expect({ recallAtLeast90: recall >= 0.9, missed }).toEqual({ recallAtLeast90: true, missed });
  });

  it('lists none of the look-alike pairs', () => {
    const lookAlikes = [...GIVEN_DISTRACTORS, ...OWN_DISTRACTORS].map(([a, b]) => pairKey(a, b));
    expect(lookAlikes.filter((pair) => found.has(pair))).toEqual([]);
  });
});
