import { ACTOR_MERGED, ActorEvent, LoggedEvent } from '@app/contracts';

/** An actor's identity as its own subject in the log leaves it. */
export interface ActorIdentityState {
  actorId: string;
  /** The merge in force: the actor it was merged into, by which event. */
  merge: { into: string; eventId: string; sequence: number } | null;
  /** The subject's last sequence (0: no event yet), for appending conditionally. */
  lastSequence: number;
}

/** The state after an actor's latest identity event (only the latest matters). */
export function actorIdentityState(
  actorId: string,
  latest: LoggedEvent<ActorEvent> | null,
): ActorIdentityState {
  if (!latest) return { actorId, merge: null, lastSequence: 0 };
  const { sequence, event } = latest;
  return {
    actorId,
    merge:
      event.type === ACTOR_MERGED
        ? { into: event.data.into, eventId: event.eventId, sequence }
        : null,
    lastSequence: sequence,
  };
}
