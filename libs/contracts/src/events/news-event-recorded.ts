import { z } from 'zod';
import { recordedDevelopmentSchema } from '../development/development.schema';
import { envelope, EventContext, EventEnvelope } from './event-envelope';

export const NEWS_EVENT_RECORDED = 'NewsEventRecorded';
/**
 * 2: the development's period is closed (`occurredUntil` always present).
 * 3: the envelope names who recorded the event (`recordedBy`).
 */
export const NEWS_EVENT_RECORDED_VERSION = 3;

export const newsEventRecordedDataSchema = z.object({
  developmentId: z.uuid(),
  idempotencyKey: z.string().min(1),
  development: recordedDevelopmentSchema,
});

export type NewsEventRecordedData = z.infer<typeof newsEventRecordedDataSchema>;

export type NewsEventRecorded = EventEnvelope<typeof NEWS_EVENT_RECORDED, NewsEventRecordedData>;

export function newsEventRecorded(
  data: NewsEventRecordedData,
  context: EventContext = {},
): NewsEventRecorded {
  return envelope(NEWS_EVENT_RECORDED, NEWS_EVENT_RECORDED_VERSION, data, context);
}
