import type { Stance, TopicPositions } from '@app/client';
import { LOCALE } from '../shared/dates';

export interface MatrixCell {
  topic: string;
  stance: Stance;
  since: string;
  developmentId: string;
}

export interface MatrixRow {
  actor: { id: string; name: string };
  /** One per column, in column order; null where the actor has no position on the topic. */
  cells: (MatrixCell | null)[];
}

export interface StanceMatrix {
  /** Topics on which someone has a position, in the order given. */
  topics: string[];
  /** Topics on which no one has a position. */
  topicsWithoutPositions: string[];
  /** Actors by name. */
  rows: MatrixRow[];
}

const byName = new Intl.Collator(LOCALE, { sensitivity: 'base', numeric: true });

/** Actors by topics: each cell the actor's current stance on the topic. */
export function buildStanceMatrix(topicPositions: TopicPositions[]): StanceMatrix {
  const topics = topicPositions.filter((entry) => entry.positions.length > 0);
  const actors = new Map<string, { id: string; name: string }>();
  const cellsByActor = new Map<string, Map<string, MatrixCell>>();
  for (const { topic, positions } of topics) {
    for (const { actor, stance, since, developmentId } of positions) {
      actors.set(actor.id, actor);
      const cells = cellsByActor.get(actor.id) ?? new Map<string, MatrixCell>();
      cells.set(topic, { topic, stance, since, developmentId });
      cellsByActor.set(actor.id, cells);
    }
  }
  const rows = [...actors.values()]
    .sort((a, b) => byName.compare(a.name, b.name) || byName.compare(a.id, b.id))
    .map((actor) => ({
      actor,
      cells: topics.map(({ topic }) => cellsByActor.get(actor.id)?.get(topic) ?? null),
    }));
  return {
    topics: topics.map(({ topic }) => topic),
    topicsWithoutPositions: topicPositions
      .filter((entry) => entry.positions.length === 0)
      .map(({ topic }) => topic),
    rows,
  };
}
