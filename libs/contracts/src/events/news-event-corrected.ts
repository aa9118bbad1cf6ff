import { z } from 'zod';
import { recordedDevelopmentSchema } from '../development/development.schema';
import { envelope, EventContext, EventEnvelope } from './event-envelope';

export const NEWS_EVENT_CORRECTED = 'NewsEventCorrected';
/** 2: the envelope names who recorded the event (`recordedBy`). */
export const NEWS_EVENT_CORRECTED_VERSION = 2;

/**
 * A development's fields replaced. The event carries the development as it stands after the
 * correction, so every projection can apply it without reading its own earlier state.
 */
export const newsEventCorrectedDataSchema = z.object({
  developmentId: z.uuid(),
  /** The development's revision after this correction: 1 + the corrections so far. */
  revision: z.int().min(2),
  /** The fields the correction gave, in alphabetical order. */
  changed: z.array(z.string()),
  development: recordedDevelopmentSchema,
});

export type NewsEventCorrectedData = z.infer<typeof newsEventCorrectedDataSchema>;

export type NewsEventCorrected = EventEnvelope<typeof NEWS_EVENT_CORRECTED, NewsEventCorrectedData>;

export function newsEventCorrected(
  data: NewsEventCorrectedData,
  context: EventContext = {},
): NewsEventCorrected {
  return envelope(NEWS_EVENT_CORRECTED, NEWS_EVENT_CORRECTED_VERSION, data, context);
}
