import { randomUUID } from 'node:crypto';
import { Development } from '../development';
import { EventEnvelope } from './event-envelope';

export const NEWS_EVENT_RECORDED = 'NewsEventRecorded';
export const NEWS_EVENT_RECORDED_VERSION = 1;

export interface NewsEventRecordedData {
  developmentId: string;
  idempotencyKey: string;
  development: Development;
}

export type NewsEventRecorded = EventEnvelope<typeof NEWS_EVENT_RECORDED, NewsEventRecordedData>;

export interface RecordContext {
  correlationId?: string;
  causationId?: string | null;
  /** Injected so that building an event is deterministic under test. */
  now?: () => Date;
  newId?: () => string;
}

export function newsEventRecorded(
  data: NewsEventRecordedData,
  context: RecordContext = {},
): NewsEventRecorded {
  const newId = context.newId ?? randomUUID;
  const eventId = newId();
  return {
    eventId,
    type: NEWS_EVENT_RECORDED,
    schemaVersion: NEWS_EVENT_RECORDED_VERSION,
    recordedAt: (context.now ?? (() => new Date()))().toISOString(),
    correlationId: context.correlationId ?? eventId,
    causationId: context.causationId ?? null,
    data,
  };
}
