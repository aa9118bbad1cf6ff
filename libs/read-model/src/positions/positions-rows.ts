import type { Development } from '@app/contracts';
import type { DevelopmentChange } from '../projections/development-changes';

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
  /** Sequence of the event that stated this content: the row holds from there. */
  sequence: number;
}

/** A development's content as the batch leaves it, for the rows positions keep of it. */
export interface CountedDevelopment {
  developmentId: string;
  development: Development;
  /** Sequence of the event that stated this content: later statements win ties. */
  sequence: number;
}

/**
 * Which developments' rows the batch replaces (`replaced`: corrected or retracted after an
 * earlier batch recorded them) and which developments count for positions afterwards.
 * A retracted development counts for nothing.
 */
export function positionChanges(changes: readonly DevelopmentChange[]): {
  replaced: string[];
  counted: CountedDevelopment[];
} {
  const replaced: string[] = [];
  const counted: CountedDevelopment[] = [];
  for (const change of changes) {
    if (!change.recorded && (change.development || change.retracted)) {
      replaced.push(change.developmentId);
    }
    if (change.development && !change.retracted) {
      counted.push({
        developmentId: change.developmentId,
        development: change.development,
        sequence: change.developmentSequence,
      });
    }
  }
  return { replaced, counted };
}

/** One row per topic of each development. */
export function developmentTopicRows(
  counted: readonly CountedDevelopment[],
): DevelopmentTopicRow[] {
  return counted.flatMap(({ developmentId, development, sequence }) =>
    development.topics.map((topic) => ({
      development_id: developmentId,
      topic,
      occurred_on: development.occurredOn,
      occurred_end: development.occurredUntil,
      sequence,
    })),
  );
}

/** One row per statement of each development. */
export function statementRows(counted: readonly CountedDevelopment[]): StatementRow[] {
  return counted.flatMap(({ developmentId, development, sequence }) =>
    development.statements.map((statement, index) => ({
      development_id: developmentId,
      statement_index: index,
      actor_id: statement.actor,
      topic: statement.topic,
      stance: statement.stance,
      quote: statement.quote ?? null,
      summary: statement.summary ?? null,
      occurred_on: development.occurredOn,
      sequence,
    })),
  );
}

/** One row per actor of each development. */
export function developmentActorRows(
  counted: readonly CountedDevelopment[],
): DevelopmentActorRow[] {
  return counted.flatMap(({ developmentId, development, sequence }) =>
    development.actors.map((actor) => ({
      development_id: developmentId,
      actor_id: actor.id,
      name: actor.name,
      affiliation: actor.affiliation ?? null,
      occurred_on: development.occurredOn,
      sequence,
    })),
  );
}
