import { z } from 'zod';
import { ActorEvent, isActorEvent } from './actor-events';
import { ACTOR_MERGED, ACTOR_MERGED_VERSION, actorMergedDataSchema } from './actor-merged';
import { ACTOR_UNMERGED, ACTOR_UNMERGED_VERSION, actorUnmergedDataSchema } from './actor-unmerged';
import {
  EventEnvelope,
  eventEnvelopeSchema,
  StoredEvent,
  storedEventSchema,
} from './event-envelope';
import {
  NEWS_EVENT_CORRECTED,
  NEWS_EVENT_CORRECTED_VERSION,
  NewsEventCorrected,
  newsEventCorrectedDataSchema,
} from './news-event-corrected';
import {
  NEWS_EVENT_RECORDED,
  NEWS_EVENT_RECORDED_VERSION,
  NewsEventRecorded,
  newsEventRecordedDataSchema,
} from './news-event-recorded';
import {
  NEWS_EVENT_RETRACTED,
  NEWS_EVENT_RETRACTED_VERSION,
  NewsEventRetracted,
  newsEventRetractedDataSchema,
} from './news-event-retracted';
import { upcast } from './upcasters';

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

/** The current version of an event type, and the event a stored event makes once checked. */
interface CurrentVersion<Event> {
  type: string;
  version: number;
  check(event: StoredEvent): { event: Event } | { error: z.ZodError };
}

function currentVersion<Type extends string, Data>(
  type: Type,
  version: number,
  schema: z.ZodType<Data>,
): CurrentVersion<EventEnvelope<Type, Data>> {
  return {
    type,
    version,
    check(event) {
      const envelope = eventEnvelopeSchema.safeParse(event);
      if (!envelope.success) return { error: envelope.error };
      const data = schema.safeParse(envelope.data.data);
      if (!data.success) return { error: data.error };
      return { event: { ...envelope.data, type, schemaVersion: version, data: data.data } };
    },
  };
}

const CURRENT = new Map(
  [
    currentVersion(NEWS_EVENT_RECORDED, NEWS_EVENT_RECORDED_VERSION, newsEventRecordedDataSchema),
    currentVersion(
      NEWS_EVENT_CORRECTED,
      NEWS_EVENT_CORRECTED_VERSION,
      newsEventCorrectedDataSchema,
    ),
    currentVersion(
      NEWS_EVENT_RETRACTED,
      NEWS_EVENT_RETRACTED_VERSION,
      newsEventRetractedDataSchema,
    ),
    currentVersion(ACTOR_MERGED, ACTOR_MERGED_VERSION, actorMergedDataSchema),
    currentVersion(ACTOR_UNMERGED, ACTOR_UNMERGED_VERSION, actorUnmergedDataSchema),
  ].map((current): [string, CurrentVersion<LogEvent>] => [current.type, current]),
);

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
  const stored = storedEventSchema.safeParse(json);
  if (!stored.success) {
    throw new UndecodableEventError(`not an event envelope: ${z.prettifyError(stored.error)}`);
  }
  const { type, schemaVersion } = stored.data;
  const current = CURRENT.get(type);
  if (!current) throw new UndecodableEventError(`unknown event type ${JSON.stringify(type)}`);
  const upcasted = upcast(stored.data);
  if (upcasted.schemaVersion !== current.version) {
    throw new UndecodableEventError(
      `${type} version ${schemaVersion} cannot be read (this reader knows version ${current.version})`,
    );
  }
  const checked = current.check(upcasted);
  if ('error' in checked) {
    throw new UndecodableEventError(`invalid ${type}: ${z.prettifyError(checked.error)}`);
  }
  return checked.event;
}

/** decodeEvent, for a development's subject: anything but a development's event is undecodable. */
export function decodeNewsEvent(payload: Uint8Array): NewsEvent {
  const event = decodeEvent(payload);
  if (!isNewsEvent(event)) {
    throw new UndecodableEventError(`${event.type} found where a development's event belongs`);
  }
  return event;
}
