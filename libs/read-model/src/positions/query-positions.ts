import type { Stance, TopicPosition } from '@app/contracts';
import { planningOnce } from '../database/read-model-queries';
import type { SqlExecutor } from '../projections/projection';
import { queryParameters } from '../sql/query-parameters';
import { CURRENT_RELATIONS, ReadModelRelations } from '../known-at/read-model-relations';
import { getActor } from './query-actors';

/**
 * One actor's latest statement on one topic (by occurredOn, sequence, index), with
 * occurredOn <= the date in parameter `asOf` when that is not null.
 */
export function latestStatement(
  statements: string,
  actor: string,
  topic: string,
  asOf: string,
): string {
  return `CROSS JOIN LATERAL (
           SELECT s.canonical_actor_id, s.topic, s.stance, s.quote, s.development_id, s.occurred_on,
                  s.sequence, s.statement_index
             FROM ${statements} s
            WHERE s.canonical_actor_id = ${actor} AND s.topic = ${topic}
              AND (${asOf}::date IS NULL OR s.occurred_on <= ${asOf}::date)
            ORDER BY s.occurred_on DESC, s.sequence DESC, s.statement_index DESC
            LIMIT 1) latest`;
}

/**
 * `name(value)`: the distinct values of `column` among the statements where `where` holds,
 * by a skip scan of an index leading with the filtered column and then `column`: one index
 * probe per value, however many statements each has.
 */
function skipScan(statements: string, name: string, column: string, where: string): string {
  return `${name} AS (
       (SELECT ${column} AS value FROM ${statements} s
         WHERE ${where} ORDER BY ${column} LIMIT 1)
       UNION ALL
       SELECT (SELECT s.${column} FROM ${statements} s
                WHERE ${where} AND s.${column} > ${name}.value
                ORDER BY s.${column} LIMIT 1)
         FROM ${name} WHERE ${name}.value IS NOT NULL)`;
}

/**
 * `run.since` for each row `c` (a latest statement): the first statement after the latest
 * earlier one with another stance, or the actor's first on the topic. The stance is in the
 * indexes, so the walk back through the run reads no table rows; an actor with no other
 * stance yet compares against -infinity, which keeps the comparison an index condition.
 */
export const runStart = (statements: string) => `
       LEFT JOIN LATERAL (
         SELECT occurred_on, sequence, statement_index
           FROM ${statements} o
          WHERE o.canonical_actor_id = c.canonical_actor_id AND o.topic = c.topic AND o.stance <> c.stance
            AND (o.occurred_on, o.sequence, o.statement_index)
                < (c.occurred_on, c.sequence, c.statement_index)
          ORDER BY o.occurred_on DESC, o.sequence DESC, o.statement_index DESC
          LIMIT 1) other ON true
       CROSS JOIN LATERAL (
         SELECT s.occurred_on AS since
           FROM ${statements} s
          WHERE s.canonical_actor_id = c.canonical_actor_id AND s.topic = c.topic
            AND (s.occurred_on, s.sequence, s.statement_index)
                > (coalesce(other.occurred_on, '-infinity'), coalesce(other.sequence, 0),
                   coalesce(other.statement_index, 0))
          ORDER BY s.occurred_on, s.sequence, s.statement_index
          LIMIT 1) run`;

/**
 * `history.entries` for each row `c`: the latest `limit` statements up to `c`, oldest first,
 * as compact JSON (row_to_json; json_agg would put a space between the entries).
 * They are read as the range after the newest statement older than them (`older`, found in
 * the index alone) up to `c`, so that only they are read from the table whatever plan
 * PostgreSQL picks: it underestimates how many statements an actor has on a topic, and then
 * prefers to read and sort them all.
 */
function history(statements: string, limit: string): string {
  return `
       LEFT JOIN LATERAL (
         SELECT occurred_on, sequence, statement_index
           FROM ${statements} s
          WHERE s.canonical_actor_id = c.canonical_actor_id AND s.topic = c.topic
            AND (s.occurred_on, s.sequence, s.statement_index)
                <= (c.occurred_on, c.sequence, c.statement_index)
          ORDER BY s.occurred_on DESC, s.sequence DESC, s.statement_index DESC
          OFFSET ${limit} LIMIT 1) older ON true
       CROSS JOIN LATERAL (
         SELECT ('[' || string_agg(row_to_json(entry)::text, ','
                                   ORDER BY h.occurred_on, h.sequence, h.statement_index)
                 || ']')::json AS entries
           FROM ${statements} h
           CROSS JOIN LATERAL (
             SELECT h.occurred_on::text AS "occurredOn", h.stance, h.quote, h.summary,
                    h.development_id AS "developmentId") entry
          WHERE h.canonical_actor_id = c.canonical_actor_id AND h.topic = c.topic
            AND (h.occurred_on, h.sequence, h.statement_index)
                <= (c.occurred_on, c.sequence, c.statement_index)
            AND (h.occurred_on, h.sequence, h.statement_index)
                > (coalesce(older.occurred_on, '-infinity'), coalesce(older.sequence, 0),
                   coalesce(older.statement_index, 0))) history`;
}

/**
 * An actor's current positions (or as of a date), or null for an unknown actor, as the API
 * sends them; an actor merged into another answers for that one, with the statements of
 * every actor merged into it
 * (`JSON.stringify` of the ActorPositions, the positions printed by PostgreSQL.
 * The rules of `positionOf`, in SQL: per topic, the latest statement, the start of its run,
 * and the latest `historyLimit` statements, so that an actor's whole record never leaves
 * the database. Topics are slugs (ASCII), so their order in collation "C" is JavaScript's.
 */
export async function queryActorPositionsJson(
  sql: SqlExecutor,
  actorId: string,
  options: { topic?: string; asOf?: string; historyLimit: number },
  relations: ReadModelRelations = CURRENT_RELATIONS,
): Promise<string | null> {
  const actor = await getActor(sql, actorId, relations);
  const { statements } = relations;
  if (!actor) return null;
  const { values, bind } = queryParameters(relations.parameters);
  const id = `${bind(actor.id)}::text`;
  const topic = `${bind(options.topic ?? null)}::text`;
  const asOf = bind(options.asOf ?? null);
  const [{ positions }] = await planningOnce(sql).query<{ positions: string }>(
    `WITH RECURSIVE ${skipScan(statements, 'topics', 'topic', `s.canonical_actor_id = ${id} AND (${topic} IS NULL OR s.topic = ${topic})`)},
     current AS (
       SELECT latest.*
         FROM topics
         ${latestStatement(statements, id, 'topics.value', asOf)}
        WHERE topics.value IS NOT NULL)
     SELECT coalesce(string_agg(row_to_json(p)::text, ',' ORDER BY p.topic COLLATE "C"), '')
              AS positions
       FROM (SELECT c.topic, c.stance, run.since::text AS since, c.quote,
                    c.development_id AS "developmentId",
                    coalesce(history.entries, '[]'::json) AS history
               FROM current c${runStart(statements)}${history(statements, bind(options.historyLimit))}) p`,
    values,
  );
  return `{"actor":${JSON.stringify(actor)},"positions":[${positions}]}`;
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
  relations: ReadModelRelations = CURRENT_RELATIONS,
): Promise<TopicPosition[]> {
  const { statements } = relations;
  const { values, bind } = queryParameters(relations.parameters);
  const topicValue = `${bind(topic)}::text`;
  const rows = await planningOnce(sql).query<{
    actor_id: string;
    name: string | null;
    stance: Stance;
    since: string;
    development_id: string;
  }>(
    // The actors on the topic by a skip scan of the (topic, actor_id, ...) index, then
    // each one's latest statement: a few index probes per actor, however many statements.
    `WITH RECURSIVE ${skipScan(statements, 'speakers', 'canonical_actor_id', `s.topic = ${topicValue}`)},
     current AS (
       SELECT latest.*
         FROM speakers
         ${latestStatement(statements, 'speakers.value', topicValue, bind(options.asOf ?? null))}
        WHERE speakers.value IS NOT NULL)
     SELECT c.canonical_actor_id AS actor_id, a.name, c.stance, c.development_id, run.since::text AS since
       FROM current c
       LEFT JOIN LATERAL (
         SELECT a.name FROM ${relations.actorName('c.canonical_actor_id')} a) a ON true${runStart(statements)}`,
    values,
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
