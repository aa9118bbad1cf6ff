import { z } from 'zod';
import { idSlug } from '../api/common.schema';
import { envelope, EventContext, EventEnvelope } from './event-envelope';

export const ACTOR_UNMERGED = 'ActorUnmerged';
/** 2: the envelope names who recorded the event (`recordedBy`). */
export const ACTOR_UNMERGED_VERSION = 2;

/** Undoes the merge of `actorId` into `from`: it is an actor of its own again. */
export const actorUnmergedDataSchema = z.object({ actorId: idSlug, from: idSlug });

export type ActorUnmergedData = z.infer<typeof actorUnmergedDataSchema>;

export type ActorUnmerged = EventEnvelope<typeof ACTOR_UNMERGED, ActorUnmergedData>;

export function actorUnmerged(data: ActorUnmergedData, context: EventContext = {}): ActorUnmerged {
  return envelope(ACTOR_UNMERGED, ACTOR_UNMERGED_VERSION, data, context);
}
