import type { ActorIdentityFacts } from '../compare-actors';
import type { ActorVariantGroup } from './actor-variant-groups';

/** The slug an actor gets: lowercase words joined by '-', any script kept. */
export function slugOf(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join('-');
}

export function factsOf(name: string, affiliation: string | null = null): ActorIdentityFacts {
  return { id: slugOf(name), name, affiliation };
}

/** Every pair within each group: the canonical name carries the affiliation, variants none. */
export function pairsWithin(
  groups: ActorVariantGroup[],
): Array<[ActorIdentityFacts, ActorIdentityFacts]> {
  return groups.flatMap((group) => {
    const members = [
      factsOf(group.canonical, group.affiliation),
      ...group.variants.map((v) => factsOf(v)),
    ];
    return members.flatMap((a, i) =>
      members.slice(i + 1).map((b) => [a, b] as [typeof a, typeof b]),
    );
  });
}
