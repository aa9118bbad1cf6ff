import { NEWS_EVENT_RECORDED } from '@app/contracts';
import type { ProjectedEvent } from '../projections/projection';

export interface StatementRow {
  development_id: string;
  statement_index: number;
  actor_id: string;
  topic: string;
  stance: string;
  quote: string | null;
  summary: string | null;
  occurred_on: string;
  sequence: number;
}

export interface DevelopmentActorRow {
  development_id: string;
  actor_id: string;
  name: string;
  affiliation: string | null;
  occurred_on: string;
  sequence: number;
}

export interface DevelopmentTopicRow {
  development_id: string;
  topic: string;
  occurred_on: string;
  occurred_end: string;
}

/** One row per topic of each recorded development. */
export function developmentTopicRows(events: readonly ProjectedEvent[]): DevelopmentTopicRow[] {
  return recorded(events).flatMap(({ event }) => {
    const { developmentId, development } = event.data;
    return development.topics.map((topic) => ({
      development_id: developmentId,
      topic,
      occurred_on: development.occurredOn,
      occurred_end: development.occurredUntil ?? development.occurredOn,
    }));
  });
}

/** One row per statement of each recorded development. */
export function statementRows(events: readonly ProjectedEvent[]): StatementRow[] {
  return recorded(events).flatMap(({ sequence, event }) => {
    const { developmentId, development } = event.data;
    return development.statements.map((statement, index) => ({
      development_id: developmentId,
      statement_index: index,
      actor_id: statement.actor,
      topic: statement.topic,
      stance: statement.stance,
      quote: statement.quote ?? null,
      summary: statement.summary ?? null,
      occurred_on: development.occurredOn,
      sequence,
    }));
  });
}

/** One row per actor of each recorded development. */
export function developmentActorRows(events: readonly ProjectedEvent[]): DevelopmentActorRow[] {
  return recorded(events).flatMap(({ sequence, event }) => {
    const { developmentId, development } = event.data;
    return development.actors.map((actor) => ({
      development_id: developmentId,
      actor_id: actor.id,
      name: actor.name,
      affiliation: actor.affiliation ?? null,
      occurred_on: development.occurredOn,
      sequence,
    }));
  });
}

function recorded(events: readonly ProjectedEvent[]) {
  return events.filter((projected) => projected.event.type === NEWS_EVENT_RECORDED);
}
