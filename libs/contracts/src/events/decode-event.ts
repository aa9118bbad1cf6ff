import { z } from 'zod';
import { ID_SLUG, recordedDevelopmentSchema } from '../development';

const idSlug = z.string().regex(ID_SLUG);
import {
  NEWS_EVENT_CORRECTED,
  NEWS_EVENT_CORRECTED_VERSION,
  NewsEventCorrected,
} from './news-event-corrected';
import {
  NEWS_EVENT_RECORDED,
  NEWS_EVENT_RECORDED_VERSION,
  NewsEventRecorded,
} from './news-event-recorded';
import {
  NEWS_EVENT_RETRACTED,
  NEWS_EVENT_RETRACTED_VERSION,
  NewsEventRetracted,
} from './news-event-retracted';
import { upcast } from './upcasters';
import { ActorEvent, isActorEvent } from './actor-events';
import { ACTOR_MERGED, ACTOR_MERGED_VERSION } from './actor-merged';
import { ACTOR_UNMERGED, ACTOR_UNMERGED_VERSION } from './actor-unmerged';

/** The events of a development, on its own subject. */
export type NewsEvent = NewsEventRecorded | NewsEventCorrected | NewsEventRetracted;

/** Every event the log holds. */
export type LogEvent = NewsEvent | ActorEvent;

export function isNewsEvent(event: LogEvent): event is NewsEvent {
  return !isActorEvent(event);
}

/** An event with its place in the log. */
export interface LoggedEvent<Event extends LogEvent = NewsEvent> {
  sequence: number;
  event: Event;
}

const envelopeSchema = z.object({
  eventId: z.uuid(),
  type: z.string(),
  schemaVersion: z.int().min(1),
  recordedAt: z.iso.datetime({ offset: true }),
  correlationId: z.string(),
  causationId: z.string().nullable(),
  data: z.unknown(),
});

/** The current version of each event type, and the schema its data must meet. */
const CURRENT: Record<string, { version: number; data: z.ZodType }> = {
  [NEWS_EVENT_RECORDED]: {
    version: NEWS_EVENT_RECORDED_VERSION,
    data: z.object({
      developmentId: z.uuid(),
      idempotencyKey: z.string().min(1),
      development: recordedDevelopmentSchema,
    }),
  },
  [NEWS_EVENT_CORRECTED]: {
    version: NEWS_EVENT_CORRECTED_VERSION,
    data: z.object({
      developmentId: z.uuid(),
      revision: z.int().min(2),
      changed: z.array(z.string()),
      development: recordedDevelopmentSchema,
    }),
  },
  [NEWS_EVENT_RETRACTED]: {
    version: NEWS_EVENT_RETRACTED_VERSION,
    data: z.object({ developmentId: z.uuid(), reason: z.string() }),
  },
  [ACTOR_MERGED]: {
    version: ACTOR_MERGED_VERSION,
    data: z.object({ actorId: idSlug, into: idSlug, reason: z.string().nullable() }),
  },
  [ACTOR_UNMERGED]: {
    version: ACTOR_UNMERGED_VERSION,
    data: z.object({ actorId: idSlug, from: idSlug }),
  },
};

export class UndecodableEventError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns the bytes of a log message into a known event at its current schema version
 * (upcasting older ones), checked by the same rules ingest applies, or says why it cannot.
 */
export function decodeEvent(payload: Uint8Array): LogEvent {
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(payload));
  } catch (error) {
    throw new UndecodableEventError(`not UTF-8 JSON: ${(error as Error).message}`);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    throw new UndecodableEventError(`not an event envelope: ${z.prettifyError(envelope.error)}`);
  }
  const { type, schemaVersion } = envelope.data;
  const current = CURRENT[type];
  if (!current) throw new UndecodableEventError(`unknown event type ${JSON.stringify(type)}`);
  const upcasted = upcast(type, schemaVersion, envelope.data.data);
  if (upcasted.version !== current.version) {
    throw new UndecodableEventError(
      `${type} version ${schemaVersion} cannot be read (this reader knows version ${current.version})`,
    );
  }
  const data = current.data.safeParse(upcasted.data);
  if (!data.success) {
    throw new UndecodableEventError(`invalid ${type}: ${z.prettifyError(data.error)}`);
  }
  return { ...envelope.data, schemaVersion: current.version, data: data.data } as LogEvent;
}

/** decodeEvent, for a development's subject: anything but a development's event is undecodable. */
export function decodeNewsEvent(payload: Uint8Array): NewsEvent {
  const event = decodeEvent(payload);
  if (!isNewsEvent(event)) {
    throw new UndecodableEventError(`${event.type} found where a development's event belongs`);
  }
  return event;
}
