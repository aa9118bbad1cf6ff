/**
 * What every event in the log looks like. `data` is the event type's payload at
 * `schemaVersion`; readers upcast older versions, the log is never rewritten.
 */
export interface EventEnvelope<Type extends string = string, Data = unknown> {
  eventId: string;
  type: Type;
  schemaVersion: number;
  /** When ingest accepted the event (ISO 8601, UTC). */
  recordedAt: string;
  correlationId: string;
  causationId: string | null;
  data: Data;
}

/** Headers set on every published event, so consumers can route without decoding. */
export const EVENT_HEADERS = {
  type: 'Newsline-Event-Type',
  schemaVersion: 'Newsline-Schema-Version',
  correlationId: 'Newsline-Correlation-Id',
} as const;
