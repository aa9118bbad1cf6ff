import type { SqlExecutor } from '../projections/projection';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import { Position, positionsByTopic } from './compute-positions';
import { ActorView, getActor } from './query-actors';
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

/**
 * The current stance (or as of a date) of every actor that has one on a topic, by name.
 * The rules of `positionOf`, in SQL so that only one row per actor leaves the database:
 * the current statement is each actor's latest by (occurredOn, sequence, index); `since`
 * is the first statement after the latest one with another stance, or the first of all.
 */
export async function queryTopicPositions(
  sql: SqlExecutor,
  topic: string,
  options: { asOf?: string },
): Promise<TopicPosition[]> {
  const rows = await sql.query<{
    actor_id: string;
    name: string | null;
    stance: string;
    since: string;
    development_id: string;
  }>(
    // The actors on the topic by a skip scan of the (topic, actor_id, ...) index, then
    // each one's latest statement: a few index probes per actor, however many statements.
    `WITH RECURSIVE speakers AS (
       (SELECT actor_id FROM ${READ_MODEL_SCHEMA}.statements
         WHERE topic = $1 ORDER BY actor_id LIMIT 1)
       UNION ALL
       SELECT (SELECT s.actor_id FROM ${READ_MODEL_SCHEMA}.statements s
                WHERE s.topic = $1 AND s.actor_id > speakers.actor_id
                ORDER BY s.actor_id LIMIT 1)
         FROM speakers WHERE speakers.actor_id IS NOT NULL),
     current AS (
       SELECT latest.*
         FROM speakers
         CROSS JOIN LATERAL (
           SELECT s.actor_id, s.stance, s.occurred_on, s.sequence, s.statement_index,
                  s.development_id
             FROM ${READ_MODEL_SCHEMA}.statements s
            WHERE s.topic = $1 AND s.actor_id = speakers.actor_id
              AND ($2::date IS NULL OR s.occurred_on <= $2::date)
            ORDER BY s.occurred_on DESC, s.sequence DESC, s.statement_index DESC
            LIMIT 1) latest
        WHERE speakers.actor_id IS NOT NULL)
     SELECT c.actor_id, a.name, c.stance, c.development_id, run.since::text AS since
       FROM current c
       LEFT JOIN ${READ_MODEL_SCHEMA}.actors a ON a.id = c.actor_id
       LEFT JOIN LATERAL (
         SELECT occurred_on, sequence, statement_index
           FROM ${READ_MODEL_SCHEMA}.statements o
          WHERE o.topic = $1 AND o.actor_id = c.actor_id AND o.stance <> c.stance
            AND (o.occurred_on, o.sequence, o.statement_index)
                < (c.occurred_on, c.sequence, c.statement_index)
          ORDER BY o.occurred_on DESC, o.sequence DESC, o.statement_index DESC
          LIMIT 1) other ON true
       CROSS JOIN LATERAL (
         SELECT s.occurred_on AS since
           FROM ${READ_MODEL_SCHEMA}.statements s
          WHERE s.topic = $1 AND s.actor_id = c.actor_id
            AND (other.occurred_on IS NULL
                 OR (s.occurred_on, s.sequence, s.statement_index)
                    > (other.occurred_on, other.sequence, other.statement_index))
          ORDER BY s.occurred_on, s.sequence, s.statement_index
          LIMIT 1) run`,
    [topic, options.asOf ?? null],
  );
  const positions = rows.map((row) => ({
    actor: { id: row.actor_id, name: row.name ?? row.actor_id },
    stance: row.stance,
    since: row.since,
    developmentId: row.development_id,
  }));
  return positions.sort(
    (a, b) => a.actor.name.localeCompare(b.actor.name) || (a.actor.id < b.actor.id ? -1 : 1),
  );
}
