import { addActorNameKeys } from '../identities/add-actor-name-keys';
import { addActorSearchTerms } from '../identities/add-actor-search-terms';
import { applyMerges } from '../identities/apply-merges';
import { recordActorEvents } from '../identities/record-actor-events';
import { developmentChanges } from '../projections/development-changes';
import type { Projection, SqlExecutor } from '../projections/projection';
import {
  DevelopmentActorRow,
  developmentActorRows,
  DevelopmentTopicRow,
  developmentTopicRows,
  positionChanges,
  StatementRow,
  statementRows,
} from './positions-rows';

/**
 * Statements and the actors and topics they involve, and the merges of actors. Positions are
 * not stored: they are computed at query time from the statements, so order of arrival
 * cannot corrupt them. Statements and development actors keep the actor id their development
 * gave them and carry the canonical actor as merges stand; actor rows are per canonical
 * actor. Merges are applied first, so the batch's developments resolve through them.
 * Actor and topic rows are kept by commutative updates (counts added, first/last seen by
 * least/greatest, the name by a total order on where it came from) of only the rows a
 * batch really inserted, so applying developments in any order gives the same rows, and
 * a batch costs the same however large the read model has grown. A correction or a
 * retraction removes the development's rows first; the actors and topics those rows
 * counted for are then counted again from the rows that remain.
 */
export const positionsProjection: Projection = {
  name: 'positions',
  tables: [
    'statements',
    'development_actors',
    'development_topics',
    'actors',
    'topics',
    'actor_merges',
    'actor_name_keys',
    'actor_events',
    'actor_search_terms',
  ],
  async handle(events, sql) {
    const regrouped = await applyMerges(sql, events);
    await recordActorEvents(sql, events);
    const { replaced, counted } = positionChanges(developmentChanges(events));
    const removed = await removeDevelopments(sql, replaced);
    // Actor and topic rows first: a statement's actor and topic are always among them.
    const actorRows = developmentActorRows(counted);
    await addDevelopmentActors(sql, actorRows);
    await addActorNameKeys(
      sql,
      actorRows.map((row) => row.name),
    );
    await addActorSearchTerms(
      sql,
      actorRows.map((row) => ({ actorId: row.actor_id, name: row.name })),
    );
    await addDevelopmentTopics(sql, developmentTopicRows(counted));
    await addStatements(sql, statementRows(counted));
    await recountActors(sql, [...new Set([...removed.actors, ...regrouped])]);
    await recountTopics(sql, removed.topics);
  },
};

/**
 * Deletes the rows of developments that changed; returns the (canonical) actors and the
 * topics they named.
 */
async function removeDevelopments(
  sql: SqlExecutor,
  developmentIds: string[],
): Promise<{ actors: string[]; topics: string[] }> {
  if (developmentIds.length === 0) return { actors: [], topics: [] };
  const [row] = await sql.query<{ actors: string[] | null; topics: string[] | null }>(
    `WITH ids AS (SELECT unnest($1::uuid[]) AS development_id),
     statements_removed AS (
       DELETE FROM statements s USING ids WHERE s.development_id = ids.development_id
       RETURNING s.canonical_actor_id AS actor_id, s.topic),
     actors_removed AS (
       DELETE FROM development_actors a USING ids WHERE a.development_id = ids.development_id
       RETURNING a.canonical_actor_id AS actor_id),
     topics_removed AS (
       DELETE FROM development_topics t USING ids WHERE t.development_id = ids.development_id
       RETURNING t.topic)
     SELECT
       (SELECT array_agg(DISTINCT actor_id) FROM
          (SELECT actor_id FROM actors_removed UNION SELECT actor_id FROM statements_removed) a) AS actors,
       (SELECT array_agg(DISTINCT topic) FROM
          (SELECT topic FROM topics_removed UNION SELECT topic FROM statements_removed) t) AS topics`,
    [developmentIds],
  );
  return { actors: row?.actors ?? [], topics: row?.topics ?? [] };
}

/**
 * Sets each canonical actor's row to what its remaining rows (its own and its aliases') say,
 * by the same rules as the incremental updates below; an actor no development names any
 * more is removed, and one that became canonical again (unmerged) gets its row back.
 */
async function recountActors(sql: SqlExecutor, actorIds: string[]): Promise<void> {
  if (actorIds.length === 0) return;
  await sql.query(
    `WITH named_rows AS (
       SELECT * FROM development_actors WHERE canonical_actor_id = ANY($1::text[])),
     counts AS (
       SELECT canonical_actor_id AS actor_id, count(DISTINCT development_id) AS developments,
              min(occurred_on) AS first_seen_on, max(occurred_on) AS last_seen_on
         FROM named_rows GROUP BY canonical_actor_id),
     named AS (${bestName('named_rows')}),
     affiliated AS (${latestAffiliation('named_rows')}),
     stated AS (
       SELECT canonical_actor_id AS actor_id, count(*) AS statements
         FROM statements WHERE canonical_actor_id = ANY($1::text[]) GROUP BY canonical_actor_id),
     gone AS (
       DELETE FROM actors WHERE id = ANY($1::text[]) AND id NOT IN (SELECT actor_id FROM counts))
     INSERT INTO actors AS actors (id, name, name_own, name_given, named_on, named_sequence,
                                   affiliation, affiliated_on, affiliated_sequence, developments,
                                   statements, first_seen_on, last_seen_on)
     SELECT c.actor_id, n.name, n.name_own, n.name_given, n.occurred_on, n.sequence, f.affiliation,
            f.occurred_on, f.sequence, c.developments, coalesce(s.statements, 0), c.first_seen_on,
            c.last_seen_on
       FROM counts c JOIN named n USING (actor_id)
       LEFT JOIN affiliated f USING (actor_id) LEFT JOIN stated s USING (actor_id)
     ON CONFLICT (id) DO UPDATE SET
       developments = excluded.developments, statements = excluded.statements,
       first_seen_on = excluded.first_seen_on, last_seen_on = excluded.last_seen_on,
       name = excluded.name, name_own = excluded.name_own, name_given = excluded.name_given,
       named_on = excluded.named_on, named_sequence = excluded.named_sequence,
       affiliation = excluded.affiliation, affiliated_on = excluded.affiliated_on,
       affiliated_sequence = excluded.affiliated_sequence`,
    [actorIds],
  );
}

/**
 * Per canonical actor among `rows` (development actor rows), the name it goes by: one given
 * under its own id before one given under an alias, a name given before a bare reference,
 * then the newest; the actor id settles a tie within one development (qualified: a bare
 * `actor_id` in ORDER BY would name the output column, the canonical id).
 */
function bestName(rows: string): string {
  return `SELECT DISTINCT ON (r.canonical_actor_id) r.canonical_actor_id AS actor_id, r.name,
                 r.actor_id = r.canonical_actor_id AS name_own, r.name <> r.actor_id AS name_given,
                 r.occurred_on, r.sequence
            FROM ${rows} r
           ORDER BY r.canonical_actor_id, r.actor_id = r.canonical_actor_id DESC,
                    r.name <> r.actor_id DESC, r.occurred_on DESC, r.sequence DESC, r.actor_id`;
}

/** Per canonical actor among `rows`, the newest affiliation given. */
function latestAffiliation(rows: string): string {
  return `SELECT DISTINCT ON (r.canonical_actor_id) r.canonical_actor_id AS actor_id,
                 r.affiliation, r.occurred_on, r.sequence
            FROM ${rows} r WHERE r.affiliation IS NOT NULL
           ORDER BY r.canonical_actor_id, r.occurred_on DESC, r.sequence DESC, r.actor_id`;
}

/** Sets each topic's row to what its remaining rows say; a topic left with none is removed. */
async function recountTopics(sql: SqlExecutor, topics: string[]): Promise<void> {
  if (topics.length === 0) return;
  await sql.query(
    `WITH counts AS (
       SELECT topic, count(*) AS developments, min(occurred_on) AS first_seen_on,
              max(occurred_on) AS last_seen_on
         FROM development_topics WHERE topic = ANY($1::text[]) GROUP BY topic),
     stated AS (
       SELECT topic, count(*) AS statements
         FROM statements WHERE topic = ANY($1::text[]) GROUP BY topic),
     gone AS (
       DELETE FROM topics WHERE topic = ANY($1::text[]) AND topic NOT IN (SELECT topic FROM counts))
     UPDATE topics t SET
       developments = c.developments, statements = coalesce(s.statements, 0),
       first_seen_on = c.first_seen_on, last_seen_on = c.last_seen_on
     FROM counts c LEFT JOIN stated s USING (topic)
     WHERE t.topic = c.topic`,
    [topics],
  );
}

async function addStatements(sql: SqlExecutor, rows: StatementRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `WITH inserted AS (
       INSERT INTO statements
         (development_id, statement_index, actor_id, canonical_actor_id, topic, stance, quote,
          summary, occurred_on, sequence)
       SELECT r.development_id, r.statement_index, r.actor_id, coalesce(m.canonical_id, r.actor_id),
              r.topic, r.stance, r.quote, r.summary, r.occurred_on, r.sequence
         FROM jsonb_to_recordset($1::jsonb) AS r(
           development_id uuid, statement_index integer, actor_id text, topic text, stance text,
           quote text, summary text, occurred_on date, sequence bigint)
         LEFT JOIN actor_merges m ON m.actor_id = r.actor_id
       ON CONFLICT (development_id, statement_index) DO NOTHING
       RETURNING canonical_actor_id AS actor_id, topic),
     by_actor AS (
       UPDATE actors a SET statements = a.statements + i.count
         FROM (SELECT actor_id, count(*) AS count FROM inserted GROUP BY actor_id) i
        WHERE a.id = i.actor_id)
     UPDATE topics t SET statements = t.statements + i.count
       FROM (SELECT topic, count(*) AS count FROM inserted GROUP BY topic) i
      WHERE t.topic = i.topic`,
    [JSON.stringify(rows)],
  );
}

/** The order of bestName: own before alias, given before a bare reference, then the newest. */
const NEWER_NAME = `(excluded.name_own, excluded.name_given, excluded.named_on, excluded.named_sequence)
  > (actors.name_own, actors.name_given, actors.named_on, actors.named_sequence)`;
const NEWER_AFFILIATION = `excluded.affiliation IS NOT NULL AND (actors.affiliation IS NULL
  OR (excluded.affiliated_on, excluded.affiliated_sequence) > (actors.affiliated_on, actors.affiliated_sequence))`;

async function addDevelopmentActors(sql: SqlExecutor, rows: DevelopmentActorRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `WITH inserted AS (
       INSERT INTO development_actors
         (development_id, actor_id, canonical_actor_id, name, affiliation, occurred_on, sequence)
       SELECT r.development_id, r.actor_id, coalesce(m.canonical_id, r.actor_id), r.name,
              r.affiliation, r.occurred_on, r.sequence
         FROM jsonb_to_recordset($1::jsonb) AS r(
           development_id uuid, actor_id text, name text, affiliation text, occurred_on date, sequence bigint)
         LEFT JOIN actor_merges m ON m.actor_id = r.actor_id
       ON CONFLICT (development_id, actor_id) DO NOTHING
       RETURNING *),
     counts AS (
       SELECT canonical_actor_id AS actor_id, count(DISTINCT development_id) AS developments,
              min(occurred_on) AS first_seen_on, max(occurred_on) AS last_seen_on
         FROM inserted GROUP BY canonical_actor_id),
     named AS (${bestName('inserted')}),
     affiliated AS (${latestAffiliation('inserted')})
     INSERT INTO actors AS actors (id, name, name_own, name_given, named_on, named_sequence,
                                   affiliation, affiliated_on, affiliated_sequence, developments,
                                   statements, first_seen_on, last_seen_on)
     SELECT c.actor_id, n.name, n.name_own, n.name_given, n.occurred_on, n.sequence, f.affiliation,
            f.occurred_on, f.sequence, c.developments, 0, c.first_seen_on, c.last_seen_on
       FROM counts c JOIN named n USING (actor_id) LEFT JOIN affiliated f USING (actor_id)
     ON CONFLICT (id) DO UPDATE SET
       developments = actors.developments + excluded.developments,
       first_seen_on = least(actors.first_seen_on, excluded.first_seen_on),
       last_seen_on = greatest(actors.last_seen_on, excluded.last_seen_on),
       name = CASE WHEN ${NEWER_NAME} THEN excluded.name ELSE actors.name END,
       name_own = CASE WHEN ${NEWER_NAME} THEN excluded.name_own ELSE actors.name_own END,
       name_given = CASE WHEN ${NEWER_NAME} THEN excluded.name_given ELSE actors.name_given END,
       named_on = CASE WHEN ${NEWER_NAME} THEN excluded.named_on ELSE actors.named_on END,
       named_sequence = CASE WHEN ${NEWER_NAME} THEN excluded.named_sequence ELSE actors.named_sequence END,
       affiliation = CASE WHEN ${NEWER_AFFILIATION} THEN excluded.affiliation ELSE actors.affiliation END,
       affiliated_on = CASE WHEN ${NEWER_AFFILIATION} THEN excluded.affiliated_on ELSE actors.affiliated_on END,
       affiliated_sequence = CASE WHEN ${NEWER_AFFILIATION}
         THEN excluded.affiliated_sequence ELSE actors.affiliated_sequence END`,
    [JSON.stringify(rows)],
  );
}

async function addDevelopmentTopics(sql: SqlExecutor, rows: DevelopmentTopicRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `WITH inserted AS (
       INSERT INTO development_topics (development_id, topic, occurred_on, occurred_end)
       SELECT r.development_id, r.topic, r.occurred_on, r.occurred_end
         FROM jsonb_to_recordset($1::jsonb) AS r(
           development_id uuid, topic text, occurred_on date, occurred_end date)
       ON CONFLICT (development_id, topic) DO NOTHING
       RETURNING topic, occurred_on)
     INSERT INTO topics AS topics (topic, developments, statements, first_seen_on, last_seen_on)
     SELECT topic, count(*), 0, min(occurred_on), max(occurred_on) FROM inserted GROUP BY topic
     ON CONFLICT (topic) DO UPDATE SET
       developments = topics.developments + excluded.developments,
       first_seen_on = least(topics.first_seen_on, excluded.first_seen_on),
       last_seen_on = greatest(topics.last_seen_on, excluded.last_seen_on)`,
    [JSON.stringify(rows)],
  );
}
