import { actorNameKeys } from './actor-name-keys';
import { compareActors, type ActorIdentityFacts } from './compare-actors';
import { factsOf, pairsWithin } from './testing/actor-facts';
import {
  GIVEN_DISTRACTORS,
  GIVEN_GROUPS,
  OWN_DISTRACTORS,
  OWN_GROUPS,
} from './testing/actor-variant-groups';

type Pair = [ActorIdentityFacts, ActorIdentityFacts];

const show = ([a, b]: Pair) => `${a.name} ~ ${b.name}: ${JSON.stringify(compareActors(a, b))}`;

function recall(pairs: Pair[]): { rate: number; missed: string[] } {
  const missed = pairs.filter(([a, b]) => !compareActors(a, b).likely).map(show);
  return { rate: 1 - missed.length / pairs.length, missed };
}

const distractorPairs: Pair[] = [...GIVEN_DISTRACTORS, ...OWN_DISTRACTORS].map(([a, b]) => [
  factsOf(a),
  factsOf(b),
]);
const allGroupPairs = [...pairsWithin(GIVEN_GROUPS), ...pairsWithin(OWN_GROUPS)];

describe('compareActors over real variant groups', () => {
  it.each([
    ['the given groups', GIVEN_GROUPS],
    ['our own groups', OWN_GROUPS],
    ['all groups', [...GIVEN_GROUPS, ...OWN_GROUPS]],
  ])('finds at least 90%% of the pairs within %s likely', (_label, groups) => {
    const { rate, missed } = recall(pairsWithin(groups));
    expect({ rate, missed }).toEqual({ rate: expect.toBeAtLeast(0.9), missed });
  });

  it('finds no look-alike pair of different actors likely, in either order', () => {
    const wrong = distractorPairs
      .flatMap(([a, b]): Pair[] => [
        [a, b],
        [b, a],
      ])
      .filter(([a, b]) => compareActors(a, b).likely)
      .map(show);
    expect(wrong).toEqual([]);
  });

  it('scores every likely pair above every look-alike pair', () => {
    const worstDistractor = Math.max(...distractorPairs.map(([a, b]) => compareActors(a, b).score));
    const likelyScores = allGroupPairs
      .filter(([a, b]) => compareActors(a, b).likely)
      .map(([a, b]) => compareActors(a, b).score);
    expect(Math.min(...likelyScores)).toBeGreaterThan(worstDistractor);
  });

  it('is symmetric and keeps the score within 0..1', () => {
    for (const [a, b] of [...allGroupPairs, ...distractorPairs]) {
      const there = compareActors(a, b);
      expect(compareActors(b, a)).toEqual(there);
      expect(there.score).toBeGreaterThanOrEqual(0);
      expect(there.score).toBeLessThanOrEqual(1);
    }
  });
});

describe('actorNameKeys blocking over real variant groups', () => {
  it('gives two names of one actor a shared token for at least 95% of the pairs', () => {
    const lost = allGroupPairs
      .filter(([a, b]) => {
        const theirs = new Set(actorNameKeys(b.name).tokens);
        return !actorNameKeys(a.name).tokens.some((t) => theirs.has(t));
      })
      .map(([a, b]) => `${a.name} ~ ${b.name}`);
    const rate = 1 - lost.length / allGroupPairs.length;
    expect({ rate, lost }).toEqual({ rate: expect.toBeAtLeast(0.95), lost });
  });
});

expect.extend({
  toBeAtLeast(received: number, floor: number) {
    return {
      pass: received >= floor,
      message: () => `expected ${received} to be at least ${floor}`,
    };
  },
});

declare module 'expect' {
  interface AsymmetricMatchers {
    toBeAtLeast(floor: number): void;
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Expect {
      toBeAtLeast(floor: number): unknown;
    }
  }
}
