import type { SqlExecutor } from '../projections/projection';
import { Position, positionOf, positionsByTopic } from './compute-positions';
import { ActorView, getActor, getActorNames } from './query-actors';
import { readStatementRecords } from './statement-records';

export interface ActorPositions {
  actor: ActorView;
  positions: Position[];
}

/** An actor's current positions (or as of a date), or null for an unknown actor. */
export async function queryActorPositions(
  sql: SqlExecutor,
  actorId: string,
  options: { topic?: string; asOf?: string; historyLimit: number },
): Promise<ActorPositions | null> {
  const actor = await getActor(sql, actorId);
  if (!actor) return null;
  const statements = await readStatementRecords(sql, {
    actorId,
    topic: options.topic,
    asOf: options.asOf,
  });
  return { actor, positions: positionsByTopic(statements, options) };
}

export interface TopicPosition {
  actor: { id: string; name: string };
  stance: string;
  since: string;
  developmentId: string;
}

/** The current stance (or as of a date) of every actor that has one on a topic, by name. */
export async function queryTopicPositions(
  sql: SqlExecutor,
  topic: string,
  options: { asOf?: string },
): Promise<TopicPosition[]> {
  const statements = await readStatementRecords(
    sql,
    { topic, asOf: options.asOf },
    { withText: false },
  );
  const byActor = new Map<string, typeof statements>();
  for (const statement of statements) {
    const series = byActor.get(statement.actorId) ?? [];
    series.push(statement);
    byActor.set(statement.actorId, series);
  }
  const names = await getActorNames(sql, [...byActor.keys()]);
  const positions: TopicPosition[] = [];
  for (const [actorId, series] of byActor) {
    const position = positionOf(series, { historyLimit: 0 });
    if (!position) continue;
    positions.push({
      actor: { id: actorId, name: names.get(actorId) ?? actorId },
      stance: position.stance,
      since: position.since,
      developmentId: position.developmentId,
    });
  }
  return positions.sort(
    (a, b) => a.actor.name.localeCompare(b.actor.name) || (a.actor.id < b.actor.id ? -1 : 1),
  );
}
