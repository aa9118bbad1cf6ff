/** A merge in force: `actorId` was merged into `into` by the event at `sequence`. */
export interface MergeEdge {
  actorId: string;
  into: string;
  sequence: number;
}

/**
 * The canonical actor of every merged actor: where its chain of merges ends. Ingest refuses
 * merges that would close a cycle, but two concurrent merges (A into B, B into A) can each
 * pass that check; then the later merge of the cycle (highest sequence) is set aside, so the
 * answer depends only on the merges in force, never on the order they were applied in.
 * Actors whose merge is set aside map to themselves.
 */
export function canonicalActors(edges: readonly MergeEdge[]): Map<string, string> {
  const parent = new Map(edges.map((edge) => [edge.actorId, edge]));
  for (const cycle of cyclesOf(parent)) {
    const latest = cycle.reduce((a, b) => (b.sequence > a.sequence ? b : a));
    parent.delete(latest.actorId);
  }
  const canonical = new Map<string, string>();
  const rootOf = (actorId: string): string => {
    const known = canonical.get(actorId);
    if (known !== undefined) return known;
    const edge = parent.get(actorId);
    const root = edge ? rootOf(edge.into) : actorId;
    canonical.set(actorId, root);
    return root;
  };
  return new Map(edges.map((edge) => [edge.actorId, rootOf(edge.actorId)]));
}

/** Each cycle of the merge graph (every actor has at most one outgoing merge), as its edges. */
function cyclesOf(parent: ReadonlyMap<string, MergeEdge>): MergeEdge[][] {
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: MergeEdge[][] = [];
  for (const start of parent.keys()) {
    const path: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && parent.has(current) && !state.has(current)) {
      state.set(current, 'visiting');
      path.push(current);
      current = parent.get(current)!.into;
    }
    if (current !== undefined && state.get(current) === 'visiting') {
      const cycle = path.slice(path.indexOf(current)).map((id) => parent.get(id)!);
      cycles.push(cycle);
    }
    for (const id of path) state.set(id, 'done');
  }
  return cycles;
}

/** Actors whose canonical actor differs between two resolutions, with both answers. */
export function changedCanonicals(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): Array<{ actorId: string; from: string; to: string }> {
  const ids = new Set([...before.keys(), ...after.keys()]);
  const changed: Array<{ actorId: string; from: string; to: string }> = [];
  for (const actorId of ids) {
    const from = before.get(actorId) ?? actorId;
    const to = after.get(actorId) ?? actorId;
    if (from !== to) changed.push({ actorId, from, to });
  }
  return changed.sort((a, b) => (a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : 0));
}
