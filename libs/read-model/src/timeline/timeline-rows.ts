import { Development, isNewsEvent } from '@app/contracts';
import { DevelopmentChange } from '../projections/development-changes';
import type { ProjectedEvent } from '../projections/projection';

/** The columns a development's content sets; null when the batch left the content alone. */
interface ContentColumns {
  occurred_on: string | null;
  occurred_end: string | null;
  topics: string[] | null;
  actor_ids: string[] | null;
  document: Development | null;
}

export interface DevelopmentRow extends ContentColumns {
  development_id: string;
  sequence: number;
  last_sequence: number;
  revision: number;
  recorded_at: string;
  retracted: { reason: string; sequence: number } | null;
}

export interface DevelopmentUpdateRow extends ContentColumns {
  development_id: string;
  last_sequence: number;
  /** Null when the batch left the revision as it was. */
  revision: number | null;
  retracted: { reason: string; sequence: number } | null;
}

export interface DevelopmentEventRow {
  sequence: number;
  development_id: string;
  type: string;
  event_id: string;
  recorded_at: string;
  recorded_by: string | null;
}

/** Rows for developments recorded in the batch, as the rest of the batch leaves them. */
export function newDevelopmentRows(changes: readonly DevelopmentChange[]): DevelopmentRow[] {
  return changes.flatMap((change) => {
    if (!change.recorded) return [];
    return [
      {
        development_id: change.developmentId,
        sequence: change.recorded.sequence,
        last_sequence: change.lastSequence,
        // Set with `recorded`, by the recording and any correction after it.
        revision: change.revision!,
        recorded_at: change.recorded.recordedAt,
        retracted: change.retracted,
        ...contentColumns(change.development),
      },
    ];
  });
}

/** Updates of developments recorded in an earlier batch. */
export function developmentUpdateRows(
  changes: readonly DevelopmentChange[],
): DevelopmentUpdateRow[] {
  return changes.flatMap((change) => {
    if (change.recorded) return [];
    return [
      {
        development_id: change.developmentId,
        last_sequence: change.lastSequence,
        revision: change.revision,
        retracted: change.retracted,
        ...contentColumns(change.development),
      },
    ];
  });
}

function contentColumns(development: Development | null): ContentColumns {
  if (!development) {
    return { occurred_on: null, occurred_end: null, topics: null, actor_ids: null, document: null };
  }
  return {
    occurred_on: development.occurredOn,
    occurred_end: development.occurredUntil,
    topics: development.topics,
    actor_ids: development.actors.map((actor) => actor.id),
    document: development,
  };
}

/** One history row per event. */
export function developmentEventRows(events: readonly ProjectedEvent[]): DevelopmentEventRow[] {
  return events.flatMap(({ sequence, event }) =>
    isNewsEvent(event)
      ? [
          {
            sequence,
            development_id: event.data.developmentId,
            type: event.type,
            event_id: event.eventId,
            recorded_at: event.recordedAt,
            recorded_by: event.recordedBy,
          },
        ]
      : [],
  );
}
