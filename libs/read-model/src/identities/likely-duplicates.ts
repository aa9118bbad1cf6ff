import { actorNameKeys, blockingKeys, compareActors } from '@app/contracts';
import type { ActorView, DuplicatePair } from '@app/contracts';

/** A key shared by more actors than this tells nothing (a common first name): not a block. */
const MAX_BLOCK = 200;

/**
 * The likely duplicates among `actors`, best first (then by the pair's ids). Only actors whose
 * names share a blocking key of their last word (usually the surname) are compared, so the
 * work grows with the sizes of those blocks, not with the square of the number of actors.
 */
export function likelyDuplicates(actors: readonly ActorView[]): DuplicatePair[] {
  const blocks = new Map<string, number[]>();
  actors.forEach((actor, index) => {
    for (const key of blockingKeys(actorNameKeys(actor.name).tokens.slice(-1))) {
      const block = blocks.get(key) ?? [];
      block.push(index);
      blocks.set(key, block);
    }
  });
  const compared = new Set<number>();
  const pairs: DuplicatePair[] = [];
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > MAX_BLOCK) continue;
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const key = block[i] * actors.length + block[j];
        if (compared.has(key)) continue;
        compared.add(key);
        const [a, b] = ordered(actors[block[i]], actors[block[j]]);
        const similarity = compareActors(facts(a), facts(b));
        if (!similarity.likely) continue;
        pairs.push({
          actors: [a, b],
          score: similarity.score,
          reasons: similarity.reasons,
        });
      }
    }
  }
  return pairs.sort((x, y) => y.score - x.score || (pairKey(x) < pairKey(y) ? -1 : 1));
}

/** The pair's ids, as the order of equal scores and the cursor's place. */
export function pairKey(pair: DuplicatePair): string {
  return `${pair.actors[0].id} ${pair.actors[1].id}`;
}

function ordered<T extends { id: string }>(a: T, b: T): [T, T] {
  return a.id < b.id ? [a, b] : [b, a];
}

function facts(actor: ActorView) {
  return { id: actor.id, name: actor.name, affiliation: actor.affiliation };
}
