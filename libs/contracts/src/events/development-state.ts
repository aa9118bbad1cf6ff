import { Development } from '../development';
import { LoggedEvent } from './decode-event';
import { NEWS_EVENT_CORRECTED, NewsEventCorrected } from './news-event-corrected';
import { NEWS_EVENT_RECORDED, NewsEventRecorded } from './news-event-recorded';
import { NEWS_EVENT_RETRACTED } from './news-event-retracted';

/** A development as its own events in the log leave it. */
export interface DevelopmentState {
  developmentId: string;
  development: Development;
  /** See revisionSetBy. */
  revision: number;
  retracted: { reason: string; sequence: number } | null;
  /** Sequence of the first event (the recording) and of the latest. */
  sequence: number;
  lastSequence: number;
}

export class InvalidDevelopmentStreamError extends Error {}

/**
 * The revision a recording or a correction leaves its development at: 1 for the recording,
 * then the revision each correction carries (1 + the corrections so far). A retraction
 * leaves the revision as it was.
 */
export function revisionSetBy(event: NewsEventRecorded | NewsEventCorrected): number {
  return event.type === NEWS_EVENT_CORRECTED ? event.data.revision : 1;
}

/** Applies one event to the development's state; pure. */
export function evolve(
  state: DevelopmentState | null,
  { sequence, event }: LoggedEvent,
): DevelopmentState {
  if (event.type === NEWS_EVENT_RECORDED) {
    if (state)
      throw new InvalidDevelopmentStreamError(`${event.data.developmentId} recorded twice`);
    return {
      developmentId: event.data.developmentId,
      development: event.data.development,
      revision: revisionSetBy(event),
      retracted: null,
      sequence,
      lastSequence: sequence,
    };
  }
  if (!state) {
    throw new InvalidDevelopmentStreamError(
      `${event.type} of ${event.data.developmentId} before it was recorded`,
    );
  }
  if (state.retracted) {
    // Ingest never appends after a retraction (it checks, then appends conditionally).
    throw new InvalidDevelopmentStreamError(
      `${event.type} of ${event.data.developmentId} after its retraction`,
    );
  }
  const next = { ...state, lastSequence: sequence };
  if (event.type === NEWS_EVENT_CORRECTED) {
    return { ...next, development: event.data.development, revision: revisionSetBy(event) };
  }
  if (event.type === NEWS_EVENT_RETRACTED) {
    return { ...next, retracted: { reason: event.data.reason, sequence } };
  }
  return assertNever(event);
}

/** The state after all of a development's events, in log order; null if there are none. */
export function foldDevelopment(events: readonly LoggedEvent[]): DevelopmentState | null {
  return events.reduce<DevelopmentState | null>(evolve, null);
}

function assertNever(event: never): never {
  throw new InvalidDevelopmentStreamError(`unknown event ${JSON.stringify(event)}`);
}
