import {
  Development,
  isNewsEvent,
  NEWS_EVENT_CORRECTED,
  NEWS_EVENT_RECORDED,
  NEWS_EVENT_RETRACTED,
  revisionSetBy,
} from '@app/contracts';
import type { ProjectedEvent } from './projection';

/** What the events of one batch did to one development, folded in log order. */
export interface DevelopmentChange {
  developmentId: string;
  /** Set when the development was recorded in this batch. */
  recorded: { sequence: number; recordedAt: string } | null;
  /** The development as the batch leaves it, if the batch recorded or corrected it. */
  development: Development | null;
  /** Sequence of the event that set `development`. */
  developmentSequence: number;
  /** The revision the event that set `development` leaves it at (revisionSetBy). */
  revision: number | null;
  retracted: { reason: string; sequence: number } | null;
  lastSequence: number;
}

/**
 * One change per development the batch touches, in order of first appearance. Folding per
 * development first makes the result independent of where batch boundaries fall.
 */
export function developmentChanges(events: readonly ProjectedEvent[]): DevelopmentChange[] {
  const changes = new Map<string, DevelopmentChange>();
  for (const { sequence, event } of events) {
    if (!isNewsEvent(event)) continue;
    const { developmentId } = event.data;
    let change = changes.get(developmentId);
    if (!change) {
      change = {
        developmentId,
        recorded: null,
        development: null,
        developmentSequence: sequence,
        revision: null,
        retracted: null,
        lastSequence: sequence,
      };
      changes.set(developmentId, change);
    }
    change.lastSequence = sequence;
    switch (event.type) {
      case NEWS_EVENT_RECORDED:
        change.recorded = { sequence, recordedAt: event.recordedAt };
        change.development = event.data.development;
        change.developmentSequence = sequence;
        change.revision = revisionSetBy(event);
        break;
      case NEWS_EVENT_CORRECTED:
        change.development = event.data.development;
        change.developmentSequence = sequence;
        change.revision = revisionSetBy(event);
        break;
      case NEWS_EVENT_RETRACTED:
        change.retracted = { reason: event.data.reason, sequence };
        break;
    }
  }
  return [...changes.values()];
}
