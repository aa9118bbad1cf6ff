import { bestName, isBetterName, isNewerAffiliation, latestAffiliation } from './actor-row-rules';
import { addActorNameKeys } from '../identities/add-actor-name-keys';
import { addActorSearchTerms } from '../identities/add-actor-search-terms';
import { applyMerges } from '../identities/apply-merges';
import { recordActorEvents } from '../identities/record-actor-events';
import { developmentChanges } from '../projections/development-changes';
import type { Projection, TransactionSql } from '../projections/projection';
import {
  DevelopmentActorRow,
  developmentActorRows,
  DevelopmentTopicRow,
  developmentTopicRows,
  positionChanges,
  StatementRow,
  statementRows,
} from './positions-rows';
import { hasRowsDatedInside, VERSION_SPAN, versionsWithinRun } from './versions-within-run';

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
 * counted for are then counted again from the rows that remain. Actor and topic rows keep
 * their versions in history tables: one per round, and inside a run of recordings one at
 * every multiple of `versionSpan` (`versionsWithinRun`).
 */
export function createPositionsProjection({ versionSpan }: { versionSpan: number }): Projection {
  return {
    name: 'positions',
    tables: [
      'statements',
      'statements_history',
      'development_actors',
      'development_actors_history',
      'development_topics',
      'development_topics_history',
      'actors',
      'actors_history',
      'topics',
      'topics_history',
      'actor_merges',
      'actor_merges_history',
      'actor_name_keys',
      'actor_events',
      'actor_search_terms',
    ],
    // Each round looks up the versions it closes.
    indexesWritesUse: ['actors_history_valid_to_idx', 'topics_history_valid_to_idx'],
    async handle(events, sql) {
      const regrouped = await applyMerges(sql, events);
      recordActorEvents(sql, events);
      const changes = developmentChanges(events);
      const { replaced, counted } = positionChanges(changes);
      const supersededAt = new Map(
        changes.map((change) => [change.developmentId, change.lastSequence]),
      );
      const removed = await removeDevelopments(
        sql,
        replaced.map((developmentId) => ({
          developmentId,
          validTo: supersededAt.get(developmentId)!,
        })),
      );
      const actorRows = developmentActorRows(counted);
      const topicRows = developmentTopicRows(counted);
      const round = events[events.length - 1].sequence;
      const touched: Touched = {
        canonicalActors: [...removed.actors, ...regrouped],
        namedActors: actorRows.map((row) => row.actor_id),
        topics: [...removed.topics, ...topicRows.map((row) => row.topic)],
      };
      const rows = { actors: actorRows, topics: topicRows, statements: statementRows(counted) };
      // A run of recordings removes nothing: its versions are kept as its rows are added.
      const datedInside = hasRowsDatedInside(rows, round, versionSpan);
      if (!datedInside) keepActorAndTopicVersions(sql, round, touched);
      subtractRemoved(sql, removed);
      addDevelopmentRows(
        sql,
        rows,
        round,
        datedInside ? { touched, span: versionSpan } : undefined,
      );
      addActorNameKeys(
        sql,
        actorRows.map((row) => row.name),
      );
      addActorSearchTerms(
        sql,
        actorRows.map((row) => ({ actorId: row.actor_id, name: row.name, sequence: row.sequence })),
      );
      recountActors(sql, [...new Set([...removed.recountActors, ...regrouped])], round);
      recountTopics(sql, removed.recountTopics);
      closeActorAndTopicVersions(sql, round, touched);
    },
  };
}

export const positionsProjection = createPositionsProjection({ versionSpan: VERSION_SPAN });

/**
 * The actors and topics a round may change: canonical actors, actors by the id a development
 * gave them (canonical as merges stand), and topics.
 */
interface Touched {
  canonicalActors: string[];
  namedActors: string[];
  topics: string[];
}

/**
 * `touched_actors` (id) and `touched_topics` (topic), from parameters $`first` to $`first`+2
 * (`touchedParameters`).
 */
const touchedRelations = (first = 1) => `
  touched_actors AS (
    SELECT unnest($${first}::text[]) AS id
    UNION
    SELECT coalesce(m.canonical_id, named.id) FROM unnest($${first + 1}::text[]) AS named(id)
      LEFT JOIN actor_merges m ON m.actor_id = named.id),
  touched_topics AS (SELECT DISTINCT unnest($${first + 2}::text[]) AS topic)`;
const TOUCHED = touchedRelations();

const touchedParameters = (touched: Touched) => [
  touched.canonicalActors,
  touched.namedActors,
  touched.topics,
];

/**
 * Keeps the rows of the actors and topics a round may change in their history tables,
 * closed at the round's last sequence. (A round with versions dated inside it keeps them as
 * it adds its rows: `addDevelopmentRows`.)
 */
function keepActorAndTopicVersions(sql: TransactionSql, round: number, touched: Touched): void {
  sql.send(
    `WITH ${TOUCHED},
     ${keptVersions('$4::bigint')}
     SELECT`,
    [...touchedParameters(touched), round],
  );
}

/**
 * Inserts the rows of the touched actors and topics, as the statement found them, into their
 * history tables, valid until `round`, or with `dated` until the first version dated inside
 * the run (`actor_first_dates` and `topic_first_dates` of `versionsWithinRun`).
 */
function keptVersions(round: string, dated = false): string {
  const validTo = dated ? `coalesce(first.dated, ${round})` : round;
  const first = (relation: string, key: string) =>
    dated ? `LEFT JOIN ${relation} first USING (${key})` : '';
  return `kept_actors AS (
       INSERT INTO actors_history SELECT a.*, ${validTo}
         FROM actors a JOIN touched_actors USING (id) ${first('actor_first_dates', 'id')}
        WHERE a.valid_from < ${round}),
     kept_topics AS (
       INSERT INTO topics_history SELECT t.*, ${validTo}
         FROM topics t JOIN touched_topics USING (topic) ${first('topic_first_dates', 'topic')}
        WHERE t.valid_from < ${round})`;
}

/**
 * Dates the touched actor and topic rows the round changed from its last sequence; for those
 * it left as they were and gave no rows (a redelivered recording), the version kept in
 * history is dropped. A version therefore holds every row of the actor or topic made at or
 * before its sequence: what a known-at answer adds to it are rows of later rounds.
 */
function closeActorAndTopicVersions(sql: TransactionSql, round: number, touched: Touched): void {
  sql.send(
    `WITH ${TOUCHED},
     unchanged_actors AS (
       DELETE FROM actors_history h USING actors a
        WHERE h.valid_to = $4 AND a.id = h.id AND a.valid_from = h.valid_from
          AND (a.name, a.name_own, a.name_given, a.named_on, a.named_sequence, a.affiliation,
               a.affiliated_on, a.affiliated_sequence, a.developments, a.statements,
               a.first_seen_on, a.last_seen_on)
              IS NOT DISTINCT FROM
              (h.name, h.name_own, h.name_given, h.named_on, h.named_sequence, h.affiliation,
               h.affiliated_on, h.affiliated_sequence, h.developments, h.statements,
               h.first_seen_on, h.last_seen_on)
          -- Rows the round gave the actor (a merge moves rows between actors) date it anew.
          AND NOT EXISTS (SELECT 1 FROM development_actors d
                           WHERE d.canonical_actor_id = a.id AND d.valid_from = $4)
       RETURNING h.id),
     unchanged_topics AS (
       DELETE FROM topics_history h USING topics t
        WHERE h.valid_to = $4 AND t.topic = h.topic AND t.valid_from = h.valid_from
          AND (t.developments, t.statements, t.first_seen_on, t.last_seen_on)
              IS NOT DISTINCT FROM (h.developments, h.statements, h.first_seen_on, h.last_seen_on)
          AND NOT EXISTS (SELECT 1 FROM development_topics d
                           WHERE d.topic = t.topic AND d.valid_from = $4)
       RETURNING h.topic),
     dated_actors AS (
       UPDATE actors SET valid_from = $4
        WHERE id IN (SELECT id FROM touched_actors) AND valid_from < $4
          AND id NOT IN (SELECT id FROM unchanged_actors))
     UPDATE topics SET valid_from = $4
      WHERE topic IN (SELECT topic FROM touched_topics) AND valid_from < $4
        AND topic NOT IN (SELECT topic FROM unchanged_topics)`,
    [...touchedParameters(touched), round],
  );
}

/** What the removed rows counted for one actor or topic, and whether to count it again. */
interface Taken {
  developments: number;
  statements: number;
  recount: boolean;
}

/** What removing developments' rows took from the actors and topics they counted for. */
interface Removed {
  /** Every (canonical) actor and topic the removed rows counted for. */
  actors: string[];
  topics: string[];
  /** Those whose counts simply go down by what was removed. */
  lessened: {
    actors: Array<Taken & { id: string }>;
    topics: Array<Taken & { topic: string }>;
  };
  /**
   * Those to count again: left with nothing, or a removed row may have been where their
   * name, affiliation, first or last day came from.
   */
  recountActors: string[];
  recountTopics: string[];
}

/**
 * Removes the rows of developments that changed, keeping each in its history table closed at
 * the sequence of the event that superseded it, and says what that took from whom.
 */
async function removeDevelopments(
  sql: TransactionSql,
  superseded: Array<{ developmentId: string; validTo: number }>,
): Promise<Removed> {
  const none: Removed = {
    actors: [],
    topics: [],
    lessened: { actors: [], topics: [] },
    recountActors: [],
    recountTopics: [],
  };
  if (superseded.length === 0) return none;
  const [row] = await sql.query<{
    actors: Array<Taken & { id: string }> | null;
    topics: Array<Taken & { topic: string }> | null;
  }>(
    `WITH ids AS (SELECT * FROM unnest($1::uuid[], $2::bigint[]) AS ids(development_id, valid_to)),
     statements_removed AS (
       DELETE FROM statements s USING ids WHERE s.development_id = ids.development_id
       RETURNING s.*, ids.valid_to),
     statements_kept AS (INSERT INTO statements_history SELECT * FROM statements_removed),
     actors_removed AS (
       DELETE FROM development_actors a USING ids WHERE a.development_id = ids.development_id
       RETURNING a.*, ids.valid_to),
     actors_kept AS (INSERT INTO development_actors_history SELECT * FROM actors_removed),
     topics_removed AS (
       DELETE FROM development_topics t USING ids WHERE t.development_id = ids.development_id
       RETURNING t.*, ids.valid_to),
     topics_kept AS (INSERT INTO development_topics_history SELECT * FROM topics_removed),
     by_actor AS (
       SELECT coalesce(d.id, s.id) AS id, coalesce(d.developments, 0) AS developments,
              coalesce(s.statements, 0) AS statements, coalesce(d.extreme, false) AS extreme
         FROM (SELECT r.canonical_actor_id AS id, count(DISTINCT r.development_id) AS developments,
                      bool_or(r.occurred_on IN (a.first_seen_on, a.last_seen_on)
                              OR (r.occurred_on, r.sequence) = (a.named_on, a.named_sequence)
                              OR (r.occurred_on, r.sequence)
                                 IS NOT DISTINCT FROM (a.affiliated_on, a.affiliated_sequence)
                              OR a.id IS NULL) AS extreme
                 FROM actors_removed r LEFT JOIN actors a ON a.id = r.canonical_actor_id
                GROUP BY r.canonical_actor_id) d
         FULL JOIN (SELECT canonical_actor_id AS id, count(*) AS statements
                      FROM statements_removed GROUP BY canonical_actor_id) s USING (id)),
     by_topic AS (
       SELECT coalesce(d.topic, s.topic) AS topic, coalesce(d.developments, 0) AS developments,
              coalesce(s.statements, 0) AS statements, coalesce(d.extreme, true) AS extreme
         FROM (SELECT r.topic, count(*) AS developments,
                      bool_or(r.occurred_on IN (t.first_seen_on, t.last_seen_on) OR t.topic IS NULL)
                        AS extreme
                 FROM topics_removed r LEFT JOIN topics t USING (topic) GROUP BY r.topic) d
         FULL JOIN (SELECT topic, count(*) AS statements FROM statements_removed GROUP BY topic) s
           USING (topic))
     SELECT
       (SELECT json_agg(json_build_object('id', b.id, 'developments', b.developments,
                                          'statements', b.statements,
                                          'recount', b.extreme OR a.id IS NULL
                                                     OR a.developments <= b.developments))
          FROM by_actor b LEFT JOIN actors a USING (id)) AS actors,
       (SELECT json_agg(json_build_object('topic', b.topic, 'developments', b.developments,
                                          'statements', b.statements,
                                          'recount', b.extreme OR t.topic IS NULL
                                                     OR t.developments <= b.developments))
          FROM by_topic b LEFT JOIN topics t USING (topic)) AS topics`,
    [superseded.map((s) => s.developmentId), superseded.map((s) => s.validTo)],
  );
  const actors = row?.actors ?? [];
  const topics = row?.topics ?? [];
  return {
    actors: actors.map((actor) => actor.id),
    topics: topics.map((topic) => topic.topic),
    lessened: {
      actors: actors.filter((actor) => !actor.recount),
      topics: topics.filter((topic) => !topic.recount),
    },
    recountActors: actors.filter((actor) => actor.recount).map((actor) => actor.id),
    recountTopics: topics.filter((topic) => topic.recount).map((topic) => topic.topic),
  };
}

/** Takes from actor and topic counts what the removed rows counted for them. */
function subtractRemoved(sql: TransactionSql, removed: Removed): void {
  const { actors, topics } = removed.lessened;
  if (actors.length === 0 && topics.length === 0) return;
  sql.send(
    `WITH actors_lessened AS (
       UPDATE actors a SET developments = a.developments - r.developments,
                           statements = a.statements - r.statements
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, developments integer, statements integer)
        WHERE a.id = r.id)
     UPDATE topics t SET developments = t.developments - r.developments,
                         statements = t.statements - r.statements
       FROM jsonb_to_recordset($2::jsonb) AS r(topic text, developments integer, statements integer)
      WHERE t.topic = r.topic`,
    [JSON.stringify(actors), JSON.stringify(topics)],
  );
}

/**
 * Sets each canonical actor's row to what its remaining rows (its own and its aliases') say,
 * by the same rules as the incremental updates below; an actor no development names any
 * more is removed, and one that became canonical again (unmerged) gets its row back.
 */
function recountActors(sql: TransactionSql, actorIds: string[], round: number): void {
  if (actorIds.length === 0) return;
  sql.send(
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
                                   statements, first_seen_on, last_seen_on, valid_from)
     SELECT c.actor_id, n.name, n.name_own, n.name_given, n.named_on, n.named_sequence, f.affiliation,
            f.affiliated_on, f.affiliated_sequence, c.developments, coalesce(s.statements, 0), c.first_seen_on,
            c.last_seen_on, $2::bigint
       FROM counts c JOIN named n USING (actor_id)
       LEFT JOIN affiliated f USING (actor_id) LEFT JOIN stated s USING (actor_id)
     ON CONFLICT (id) DO UPDATE SET
       developments = excluded.developments, statements = excluded.statements,
       first_seen_on = excluded.first_seen_on, last_seen_on = excluded.last_seen_on,
       name = excluded.name, name_own = excluded.name_own, name_given = excluded.name_given,
       named_on = excluded.named_on, named_sequence = excluded.named_sequence,
       affiliation = excluded.affiliation, affiliated_on = excluded.affiliated_on,
       affiliated_sequence = excluded.affiliated_sequence`,
    [actorIds, round],
  );
}

/** Sets each topic's row to what its remaining rows say; a topic left with none is removed. */
function recountTopics(sql: TransactionSql, topics: string[]): void {
  if (topics.length === 0) return;
  sql.send(
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

const NEWER_NAME = isBetterName('excluded', 'actors');
const NEWER_AFFILIATION = isNewerAffiliation('excluded', 'actors');

/**
 * Inserts a round's statements, development actors and development topics, and adds what they
 * count to their actors' and topics' rows, in one statement: each actor and topic row is
 * written once per round (an update leaves a dead version of the row behind until vacuum, and
 * these rows are the ones nearly every round touches), and dated from the round, which the
 * rows it gained change. A statement's actor and topic are always among its development's.
 * Given `versions`, the statement also keeps the versions the round's rows had before it and
 * those dated inside the run (`versionsWithinRun`), from the rows it really inserted.
 */
function addDevelopmentRows(
  sql: TransactionSql,
  rows: {
    actors: DevelopmentActorRow[];
    topics: DevelopmentTopicRow[];
    statements: StatementRow[];
  },
  round: number,
  versions?: { touched: Touched; span: number },
): void {
  if (rows.actors.length === 0 && rows.topics.length === 0) return;
  const keptVersionRelations = versions
    ? `${versionsWithinRun({
        round: '$4::bigint',
        span: '$8::bigint',
        actors: 'actors_inserted',
        topics: 'topics_inserted',
        statements: 'statements_inserted',
      })},
     ${keptVersions('$4::bigint', true)},`
    : '';
  sql.send(
    `WITH ${versions ? `${touchedRelations(5)},` : ''}
     statements_inserted AS (
       INSERT INTO statements
         (development_id, statement_index, actor_id, canonical_actor_id, topic, stance, quote,
          summary, occurred_on, sequence, valid_from)
       SELECT r.development_id, r.statement_index, r.actor_id, coalesce(m.canonical_id, r.actor_id),
              r.topic, r.stance, r.quote, r.summary, r.occurred_on, r.sequence, r.sequence
         FROM jsonb_to_recordset($3::jsonb) AS r(
           development_id uuid, statement_index integer, actor_id text, topic text, stance text,
           quote text, summary text, occurred_on date, sequence bigint)
         LEFT JOIN actor_merges m ON m.actor_id = r.actor_id
       ON CONFLICT (development_id, statement_index) DO NOTHING
       RETURNING canonical_actor_id, topic, valid_from),
     actors_inserted AS (
       INSERT INTO development_actors
         (development_id, actor_id, canonical_actor_id, name, affiliation, occurred_on, sequence,
          valid_from)
       SELECT r.development_id, r.actor_id, coalesce(m.canonical_id, r.actor_id), r.name,
              r.affiliation, r.occurred_on, r.sequence, r.sequence
         FROM jsonb_to_recordset($1::jsonb) AS r(
           development_id uuid, actor_id text, name text, affiliation text, occurred_on date, sequence bigint)
         LEFT JOIN actor_merges m ON m.actor_id = r.actor_id
       ON CONFLICT (development_id, actor_id) DO NOTHING
       RETURNING *),
     topics_inserted AS (
       INSERT INTO development_topics (development_id, topic, occurred_on, occurred_end, valid_from)
       SELECT r.development_id, r.topic, r.occurred_on, r.occurred_end, r.sequence
         FROM jsonb_to_recordset($2::jsonb) AS r(
           development_id uuid, topic text, occurred_on date, occurred_end date, sequence bigint)
       ON CONFLICT (development_id, topic) DO NOTHING
       RETURNING topic, occurred_on, valid_from),
     ${keptVersionRelations}
     actor_counts AS (
       SELECT canonical_actor_id AS actor_id, count(DISTINCT development_id) AS developments,
              min(occurred_on) AS first_seen_on, max(occurred_on) AS last_seen_on
         FROM actors_inserted GROUP BY canonical_actor_id),
     actor_statements AS (
       SELECT canonical_actor_id AS actor_id, count(*) AS statements
         FROM statements_inserted GROUP BY canonical_actor_id),
     named AS (${bestName('actors_inserted')}),
     affiliated AS (${latestAffiliation('actors_inserted')}),
     topics_counted AS (
       INSERT INTO topics AS topics (topic, developments, statements, first_seen_on, last_seen_on,
                                     valid_from)
       SELECT c.topic, c.developments, coalesce(s.statements, 0), c.first_seen_on, c.last_seen_on,
              $4::bigint
         FROM (SELECT topic, count(*) AS developments, min(occurred_on) AS first_seen_on,
                      max(occurred_on) AS last_seen_on
                 FROM topics_inserted GROUP BY topic) c
         LEFT JOIN (SELECT topic, count(*) AS statements FROM statements_inserted GROUP BY topic) s
           USING (topic)
       ON CONFLICT (topic) DO UPDATE SET
         developments = topics.developments + excluded.developments,
         statements = topics.statements + excluded.statements,
         first_seen_on = least(topics.first_seen_on, excluded.first_seen_on),
         last_seen_on = greatest(topics.last_seen_on, excluded.last_seen_on),
         valid_from = excluded.valid_from)
     INSERT INTO actors AS actors (id, name, name_own, name_given, named_on, named_sequence,
                                   affiliation, affiliated_on, affiliated_sequence, developments,
                                   statements, first_seen_on, last_seen_on, valid_from)
     SELECT c.actor_id, n.name, n.name_own, n.name_given, n.named_on, n.named_sequence, f.affiliation,
            f.affiliated_on, f.affiliated_sequence, c.developments, coalesce(s.statements, 0),
            c.first_seen_on, c.last_seen_on, $4::bigint
       FROM actor_counts c JOIN named n USING (actor_id) LEFT JOIN affiliated f USING (actor_id)
       LEFT JOIN actor_statements s USING (actor_id)
     ON CONFLICT (id) DO UPDATE SET
       developments = actors.developments + excluded.developments,
       statements = actors.statements + excluded.statements,
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
         THEN excluded.affiliated_sequence ELSE actors.affiliated_sequence END,
       valid_from = excluded.valid_from`,
    [
      JSON.stringify(rows.actors),
      JSON.stringify(rows.topics),
      JSON.stringify(rows.statements),
      round,
      ...(versions ? [...touchedParameters(versions.touched), versions.span] : []),
    ],
  );
}
