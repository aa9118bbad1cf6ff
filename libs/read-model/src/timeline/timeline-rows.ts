import { NEWS_EVENT_RECORDED, NewsEventRecorded } from '@app/contracts';
import type { ProjectedEvent } from '../projections/projection';

export interface DevelopmentRow {
  development_id: string;
  sequence: number;
  occurred_on: string;
  occurred_end: string;
  recorded_at: string;
  topics: string[];
  actor_ids: string[];
  document: NewsEventRecorded['data']['development'];
}

export interface DevelopmentEventRow {
  sequence: number;
  development_id: string;
  type: string;
  event_id: string;
  recorded_at: string;
}

/** Rows that recorded developments add to the timeline; a pure function of the events. */
export function recordedDevelopmentRows(events: readonly ProjectedEvent[]): DevelopmentRow[] {
  return events
    .filter((projected) => projected.event.type === NEWS_EVENT_RECORDED)
    .map(({ sequence, event }) => {
      const { developmentId, development } = event.data;
      return {
        development_id: developmentId,
        sequence,
        occurred_on: development.occurredOn,
        occurred_end: development.occurredUntil ?? development.occurredOn,
        recorded_at: event.recordedAt,
        topics: development.topics,
        actor_ids: development.actors.map((actor) => actor.id),
        document: development,
      };
    });
}

/** One history row per event. */
export function developmentEventRows(events: readonly ProjectedEvent[]): DevelopmentEventRow[] {
  return events.map(({ sequence, event }) => ({
    sequence,
    development_id: event.data.developmentId,
    type: event.type,
    event_id: event.eventId,
    recorded_at: event.recordedAt,
  }));
}
