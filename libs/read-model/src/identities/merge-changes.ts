import { ACTOR_MERGED, ACTOR_UNMERGED } from '@app/contracts';
import type { ProjectedEvent } from '../projections/projection';

/** Where a batch leaves one actor's merge: in force (into an actor) or undone. */
export type MergeChange =
  | { actorId: string; merged: { into: string; sequence: number; reason: string | null } }
  | { actorId: string; merged: null };

/** The last word of the batch on each actor whose merge it changes, in log order. */
export function mergeChanges(events: readonly ProjectedEvent[]): MergeChange[] {
  const changes = new Map<string, MergeChange>();
  for (const { sequence, event } of events) {
    if (event.type === ACTOR_MERGED) {
      const { actorId, into, reason } = event.data;
      changes.delete(actorId);
      changes.set(actorId, { actorId, merged: { into, sequence, reason } });
    } else if (event.type === ACTOR_UNMERGED) {
      changes.delete(event.data.actorId);
      changes.set(event.data.actorId, { actorId: event.data.actorId, merged: null });
    }
  }
  return [...changes.values()];
}
