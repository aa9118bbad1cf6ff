import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** The envelope fields every version of every event has. */
const storedEnvelopeFields = {
  eventId: z.uuid(),
  type: z.string(),
  schemaVersion: z.int().min(1),
  /** When ingest accepted the event (ISO 8601, UTC). */
  recordedAt: z.iso.datetime({ offset: true }),
  correlationId: z.string(),
  causationId: z.string().nullable(),
};

/**
 * An event as the log holds it, at whatever `schemaVersion` it was written: what upcasters
 * start from. Fields beyond those every version has (such as `recordedBy`) are kept for
 * them; the current version's schema strips what it does not know.
 */
export const storedEventSchema = z.looseObject({ ...storedEnvelopeFields, data: z.unknown() });

export type StoredEvent = z.infer<typeof storedEventSchema>;

/**
 * What every event looks like at the current version of its type. `data` is the event type's
 * payload at `schemaVersion`; readers upcast older versions, the log is never rewritten.
 */
export const eventEnvelopeSchema = z.object({
  ...storedEnvelopeFields,
  /** The name of the principal whose request recorded the event; null when writes were open. */
  recordedBy: z.string().nullable(),
  data: z.unknown(),
});

/** An envelope whose `type` and `data` are those of one event type. */
export type EventEnvelope<Type extends string = string, Data = unknown> = Omit<
  z.infer<typeof eventEnvelopeSchema>,
  'type' | 'data'
> & { type: Type; data: Data };

/** Headers set on every published event, so consumers can route without decoding. */
export const EVENT_HEADERS = {
  type: 'Newsline-Event-Type',
  schemaVersion: 'Newsline-Schema-Version',
  correlationId: 'Newsline-Correlation-Id',
} as const;

export interface EventContext {
  correlationId?: string;
  causationId?: string | null;
  /** The principal the event is recorded for; null (the default) when writes are open. */
  recordedBy?: string | null;
  /** A given eventId (derived from an idempotency key); a random UUID otherwise. */
  eventId?: string;
  /** Injected so that building an event is deterministic under test. */
  now?: () => Date;
  newId?: () => string;
}

/** Wraps `data` in a fresh envelope. */
export function envelope<Type extends string, Data>(
  type: Type,
  schemaVersion: number,
  data: Data,
  context: EventContext = {},
): EventEnvelope<Type, Data> {
  const eventId = context.eventId ?? (context.newId ?? randomUUID)();
  return {
    eventId,
    type,
    schemaVersion,
    recordedAt: (context.now ?? (() => new Date()))().toISOString(),
    correlationId: context.correlationId ?? eventId,
    causationId: context.causationId ?? null,
    recordedBy: context.recordedBy ?? null,
    data,
  };
}
