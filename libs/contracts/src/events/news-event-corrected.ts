import { Development } from '../development';
import { envelope, EventContext, EventEnvelope } from './event-envelope';

export const NEWS_EVENT_CORRECTED = 'NewsEventCorrected';
export const NEWS_EVENT_CORRECTED_VERSION = 1;

/**
 * A development's fields replaced. The event carries the development as it stands after the
 * correction, so every projection can apply it without reading its own earlier state.
 */
export interface NewsEventCorrectedData {
  developmentId: string;
  /** The development's revision after this correction: 1 + the corrections so far. */
  revision: number;
  /** The fields the correction gave, in alphabetical order. */
  changed: string[];
  development: Development;
}

export type NewsEventCorrected = EventEnvelope<typeof NEWS_EVENT_CORRECTED, NewsEventCorrectedData>;

export function newsEventCorrected(
  data: NewsEventCorrectedData,
  context: EventContext = {},
): NewsEventCorrected {
  return envelope(NEWS_EVENT_CORRECTED, NEWS_EVENT_CORRECTED_VERSION, data, context);
}
