import { z } from 'zod';
import { envelope, EventContext, EventEnvelope } from './event-envelope';

export const NEWS_EVENT_RETRACTED = 'NewsEventRetracted';
/** 2: the envelope names who recorded the event (`recordedBy`). */
export const NEWS_EVENT_RETRACTED_VERSION = 2;

/** A development withdrawn: it leaves the timeline and its statements stop counting. */
export const newsEventRetractedDataSchema = z.object({
  developmentId: z.uuid(),
  reason: z.string(),
});

export type NewsEventRetractedData = z.infer<typeof newsEventRetractedDataSchema>;

export type NewsEventRetracted = EventEnvelope<typeof NEWS_EVENT_RETRACTED, NewsEventRetractedData>;

export function newsEventRetracted(
  data: NewsEventRetractedData,
  context: EventContext = {},
): NewsEventRetracted {
  return envelope(NEWS_EVENT_RETRACTED, NEWS_EVENT_RETRACTED_VERSION, data, context);
}
