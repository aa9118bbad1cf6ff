import { ACTOR_MERGED, ActorMerged } from './actor-merged';
import { ACTOR_UNMERGED, ActorUnmerged } from './actor-unmerged';

/** Events about an actor's identity, on the actor's own subject. */
export type ActorEvent = ActorMerged | ActorUnmerged;

export function isActorEvent(event: { type: string }): event is ActorEvent {
  return event.type === ACTOR_MERGED || event.type === ACTOR_UNMERGED;
}
