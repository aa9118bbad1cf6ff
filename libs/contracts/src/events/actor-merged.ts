import { z } from 'zod';
import { idSlug } from '../api/common.schema';
import { envelope, EventContext, EventEnvelope } from './event-envelope';

export const ACTOR_MERGED = 'ActorMerged';
/** 2: the envelope names who recorded the event (`recordedBy`). */
export const ACTOR_MERGED_VERSION = 2;

/** From now on, and for everything already recorded, `actorId` is the same actor as `into`. */
export const actorMergedDataSchema = z.object({
  actorId: idSlug,
  into: idSlug,
  reason: z.string().nullable(),
});

export type ActorMergedData = z.infer<typeof actorMergedDataSchema>;

export type ActorMerged = EventEnvelope<typeof ACTOR_MERGED, ActorMergedData>;

export function actorMerged(data: ActorMergedData, context: EventContext = {}): ActorMerged {
  return envelope(ACTOR_MERGED, ACTOR_MERGED_VERSION, data, context);
}
