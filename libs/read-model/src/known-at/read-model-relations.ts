import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import {
  bestName,
  isBetterName,
  isNewerAffiliation,
  latestAffiliation,
} from '../positions/actor-row-rules';

/**
 * What queries read, as SQL relations (a table, or a subquery to alias like one): the read
 * model as it stands, or as it stood when the log ended at some sequence. A query written
 * against these answers both questions with the same text.
 */
export interface ReadModelRelations {
  /**
   * The values the relations' SQL refers to as $1, $2, …: a query binds its own after them
   * (`queryParameters(relations.parameters)`).
   */
  parameters: readonly unknown[];
  developments: string;
  developmentEvents: string;
  statements: string;
  developmentActors: string;
  developmentTopics: string;
  actorMerges: string;
  /** Every actor row: to list actors, or to pick them by anything but their id. */
  actors: string;
  /** The row of the actor whose id is the SQL expression `id`, if it has one. */
  actor(id: string): string;
  /** The id and name of the actor whose id is `id`, where that is all a query needs. */
  actorName(id: string): string;
  /** Every topic row. */
  topics: string;
  /** The row of the topic that is the SQL expression `topic`, if it has one. */
  topic(topic: string): string;
  actorSearchTerms: string;
}

const table = (name: string) => `${READ_MODEL_SCHEMA}.${name}`;

export const CURRENT_RELATIONS: ReadModelRelations = {
  parameters: [],
  developments: table('developments'),
  developmentEvents: table('development_events'),
  statements: table('statements'),
  developmentActors: table('development_actors'),
  developmentTopics: table('development_topics'),
  actorMerges: table('actor_merges'),
  actors: table('actors'),
  actor: (id) => `(SELECT * FROM ${table('actors')} WHERE id = ${id})`,
  actorName: (id) => `(SELECT id, name FROM ${table('actors')} WHERE id = ${id})`,
  topics: table('topics'),
  topic: (topic) => `(SELECT * FROM ${table('topics')} WHERE topic = ${topic})`,
  actorSearchTerms: table('actor_search_terms'),
};

const COLUMNS = {
  developments:
    'development_id, sequence, last_sequence, revision, occurred_on, occurred_end, recorded_at, ' +
    'topics, actor_ids, document, document_json, retracted, search',
  statements:
    'development_id, statement_index, actor_id, canonical_actor_id, topic, stance, quote, ' +
    'summary, occurred_on, sequence, valid_from',
  development_actors:
    'development_id, actor_id, canonical_actor_id, name, affiliation, occurred_on, sequence, valid_from',
  development_topics: 'development_id, topic, occurred_on, occurred_end, valid_from',
  actor_merges: 'actor_id, into_id, canonical_id, sequence, reason, valid_from',
  actors:
    'id, name, name_own, name_given, named_on, named_sequence, affiliation, affiliated_on, ' +
    'affiliated_sequence, developments, statements, first_seen_on, last_seen_on, valid_from',
  topics: 'topic, developments, statements, first_seen_on, last_seen_on, valid_from',
};

/**
 * The rows of a versioned table that held at `sequence`: made at or before it, and current
 * or superseded after it. The bounds sit outside the UNION ALL so that PostgreSQL flattens it
 * and reads both tables from their indexes in order, merged (a member with its own WHERE
 * would be scanned and sorted whole).
 */
function versionsAt(
  name: keyof typeof COLUMNS,
  sequence: string,
  validFrom = 'valid_from',
): string {
  const columns = COLUMNS[name];
  return `(SELECT * FROM (
             SELECT ${columns}, NULL::bigint AS valid_to FROM ${table(name)}
             UNION ALL
             SELECT ${columns}, valid_to FROM ${table(`${name}_history`)}) versions
            WHERE ${validFrom} <= ${sequence} AND coalesce(valid_to, ${FOREVER}) > ${sequence})`;
}

/** The largest bigint: a current row is valid until the end of the log. */
const FOREVER = '9223372036854775807';

/**
 * The read model when the log ended at `sequence`: an SQL expression (a literal, or a
 * column of the query around it). Actor and topic rows, kept current by counting, are
 * put together from the version that held then and the rows added after it, by the rules
 * that keep the current ones.
 */
export function relationsKnownAt(
  sequence: string,
  runFrom = lastClosedRound(sequence),
): ReadModelRelations {
  const rows: RowsAt = {
    sequence,
    runFrom,
    developmentActors: versionsAt('development_actors', sequence),
    developmentTopics: versionsAt('development_topics', sequence),
    statements: versionsAt('statements', sequence),
  };
  return {
    parameters: [],
    // A development's current row holds from its last event (last_sequence).
    developments: versionsAt('developments', sequence, 'last_sequence'),
    developmentEvents: `(SELECT * FROM ${table('development_events')} WHERE sequence <= ${sequence})`,
    statements: rows.statements,
    developmentActors: rows.developmentActors,
    developmentTopics: rows.developmentTopics,
    actorMerges: versionsAt('actor_merges', sequence),
    actors: everyActorAt(rows),
    actor: (id) => actorAt(id, rows),
    actorName: (id) => actorNameAt(id, rows),
    topics: everyTopicAt(rows),
    topic: (topic) => topicAt(topic, rows),
    actorSearchTerms: `(SELECT term, actor_id FROM ${table('actor_search_terms')} WHERE sequence <= ${sequence})`,
  };
}

/**
 * The read model when the log ended at `sequence`, for a query of its own: the sequence is its
 * first parameter, so that the query's text, and the plan PostgreSQL keeps for it, are the
 * same whatever the sequence.
 */
export function relationsKnownAtParameter(sequence: number): ReadModelRelations {
  return { ...relationsKnownAt('$1::bigint'), parameters: [sequence] };
}

/** The sequence, and the rows of developments that held at it. */
interface RowsAt {
  sequence: string;
  /** The last sequence before the run of recordings the sequence is in (`lastClosedRound`). */
  runFrom: string;
  developmentActors: string;
  developmentTopics: string;
  statements: string;
}

/*
 * Actor and topic rows are versioned per round (`rounds`): a version is dated at the end of
 * the round that made it and holds every row of its actor or topic made up to then; inside a
 * run of recordings, versions are also dated at every multiple of the version span
 * (`versionsWithinRun`). At such a date the version that holds is exact; between two, it is
 * the version at the first, and the run's rows after it up to the sequence are added to it by
 * the rules that keep the current rows (counts added, first and last seen by least and
 * greatest, the name and the affiliation replaced by better ones).
 */

/** An actor row out of its version `v` and what was added after it: `c`, `n`, `f` and `s`. */
const ACTOR_ROW = `coalesce(v.id, c.id) AS id,
       CASE WHEN n.name IS NOT NULL AND (v.id IS NULL OR ${isBetterName('n', 'v')})
            THEN n.name ELSE v.name END AS name,
       CASE WHEN ${isNewerAffiliation('f', 'v')} THEN f.affiliation ELSE v.affiliation END AS affiliation,
       coalesce(v.developments, 0) + coalesce(c.developments, 0) AS developments,
       coalesce(v.statements, 0) + coalesce(s.statements, 0) AS statements,
       least(v.first_seen_on, c.first_seen_on) AS first_seen_on,
       greatest(v.last_seen_on, c.last_seen_on) AS last_seen_on`;

/** A topic row out of its version `v` and what was added after it: `c` and `s`. */
const TOPIC_ROW = `coalesce(v.topic, c.topic) AS topic,
       coalesce(v.developments, 0) + coalesce(c.developments, 0) AS developments,
       coalesce(v.statements, 0) + coalesce(s.statements, 0) AS statements,
       least(v.first_seen_on, c.first_seen_on) AS first_seen_on,
       greatest(v.last_seen_on, c.last_seen_on) AS last_seen_on`;

/**
 * Every actor row at the sequence, set-based: the versions that held, by their validity
 * ranges, and the rows of the developments recorded in the run after the last round closed.
 */
function everyActorAt(rows: RowsAt): string {
  return `(
    WITH versions AS (${versionsHoldingAt('actors', rows.sequence)}),
     added AS (${addedInRun(rows, rows.developmentActors, 'canonical_actor_id', 'id')}),
     counted AS (
       SELECT canonical_actor_id AS id, count(DISTINCT development_id)::integer AS developments,
              min(occurred_on) AS first_seen_on, max(occurred_on) AS last_seen_on
         FROM added GROUP BY canonical_actor_id),
     named AS (${bestName('added')}),
     affiliated AS (${latestAffiliation('added')}),
     stated AS (${addedInRun(rows, rows.statements, 'canonical_actor_id', 'id', 'count(*)::integer AS statements')})
    SELECT ${ACTOR_ROW}
      FROM versions v
      FULL JOIN counted c ON c.id = v.id
      LEFT JOIN named n ON n.actor_id = c.id
      LEFT JOIN affiliated f ON f.actor_id = c.id
      LEFT JOIN stated s ON s.canonical_actor_id = coalesce(v.id, c.id))`;
}

/** Every topic row at the sequence, as `everyActorAt` puts actor rows together. */
function everyTopicAt(rows: RowsAt): string {
  return `(
    WITH versions AS (${versionsHoldingAt('topics', rows.sequence)}),
     added AS (${addedInRun(rows, rows.developmentTopics, 'topic', 'topic')}),
     counted AS (
       SELECT topic, count(*)::integer AS developments, min(occurred_on) AS first_seen_on,
              max(occurred_on) AS last_seen_on
         FROM added GROUP BY topic),
     stated AS (${addedInRun(rows, rows.statements, 'topic', 'topic', 'count(*)::integer AS statements')})
    SELECT ${TOPIC_ROW}
      FROM versions v
      FULL JOIN counted c ON c.topic = v.topic
      LEFT JOIN stated s ON s.topic = coalesce(v.topic, c.topic))`;
}

/** The actor or topic rows whose validity range holds `sequence`. */
function versionsHoldingAt(name: 'actors' | 'topics', sequence: string): string {
  const columns = COLUMNS[name];
  return `SELECT ${columns} FROM ${table(name)} WHERE valid_from <= ${sequence}
          UNION ALL
          SELECT ${columns} FROM ${table(`${name}_history`)}
           WHERE int8range(valid_from, valid_to) @> ${sequence}::bigint`;
}

/**
 * The rows of `relation` (rows of developments at the sequence) made in the run the sequence
 * is in after the version that holds for their actor or topic (in `versions`, matched
 * `rowKey` to `versionKey`), with that version's sequence as `version_from`; or, given
 * `aggregates`, those of them per actor or topic. Only the run the sequence is in can have
 * made them, and they are read by the sequence that made them (`valid_from`).
 */
function addedInRun(
  rows: RowsAt,
  relation: string,
  rowKey: string,
  versionKey: string,
  aggregates?: string,
): string {
  const columns = aggregates
    ? `r.${rowKey}, ${aggregates}`
    : 'r.*, coalesce(v.valid_from, 0) AS version_from';
  return `SELECT ${columns}
            FROM ${relation} r
            LEFT JOIN versions v ON v.${versionKey} = r.${rowKey}
           WHERE r.valid_from > ${rows.runFrom} AND r.valid_from > coalesce(v.valid_from, 0)
           ${aggregates ? `GROUP BY r.${rowKey}` : ''}`;
}

/**
 * A sequence at or before the start of the stretch of recordings `sequence` is in: the last
 * one at or before it that closed a version of an actor or a topic. Versions are closed only
 * at the end of a round or at a date inside a run, and a version dated there holds every row
 * made up to it: rows a version at the sequence lacks were all made after this one.
 */
export const lastClosedRound = (sequence: string) => `greatest(
   (SELECT max(valid_to) FROM ${table('actors_history')} WHERE valid_to <= ${sequence}),
   (SELECT max(valid_to) FROM ${table('topics_history')} WHERE valid_to <= ${sequence}), 0)`;

/**
 * The version of the actor or topic row whose `key` is `value` that held at `sequence`: the
 * current row if it is as old, or else the newest history row as old, if still valid then.
 */
function versionOf(name: 'actors' | 'topics', key: string, value: string, sequence: string) {
  const columns = COLUMNS[name];
  return `SELECT * FROM (
            SELECT ${columns}, NULL::bigint AS valid_to FROM ${table(name)} c
             WHERE c.${key} = ${value} AND c.valid_from <= ${sequence}
            UNION ALL
            (SELECT ${columns}, valid_to FROM ${table(`${name}_history`)} h
              WHERE h.${key} = ${value} AND h.valid_from <= ${sequence}
              ORDER BY h.valid_from DESC LIMIT 1)) v
          WHERE coalesce(v.valid_to, ${FOREVER}) > ${sequence} LIMIT 1`;
}

/** The rows of actor `id` among `rows` after its version `v`, by the actor's index. */
const actorRowsAfterVersion = (rows: RowsAt, id: string) =>
  `(SELECT * FROM ${rows.developmentActors} a
     WHERE a.canonical_actor_id = ${id} AND a.valid_from > coalesce(v.valid_from, 0))`;

/** The row of one actor at the sequence: its version, and its rows after it by its index. */
function actorAt(id: string, rows: RowsAt): string {
  const added = actorRowsAfterVersion(rows, 'ids.id');
  return `(
    SELECT ${ACTOR_ROW}
      FROM (SELECT ${id} AS id) ids
      LEFT JOIN LATERAL (${versionOf('actors', 'id', 'ids.id', rows.sequence)}) v ON true
      CROSS JOIN LATERAL (
        SELECT ids.id, count(DISTINCT r.development_id)::integer AS developments,
               min(r.occurred_on) AS first_seen_on, max(r.occurred_on) AS last_seen_on,
               array_agg(DISTINCT r.development_id) AS development_ids
          FROM ${added} r) c
      LEFT JOIN LATERAL (${bestName(added)}) n ON true
      LEFT JOIN LATERAL (${latestAffiliation(added)}) f ON true
      CROSS JOIN LATERAL (
        -- Through the developments, one index probe each: PostgreSQL would rather read every
        -- statement of the actor.
        SELECT count(*)::integer AS statements
          FROM unnest(c.development_ids) d(development_id)
          JOIN ${rows.statements} st ON st.development_id = d.development_id
         WHERE st.canonical_actor_id = ids.id AND st.valid_from > coalesce(v.valid_from, 0)) s
     WHERE v.id IS NOT NULL OR c.developments > 0)`;
}

/** The name of one actor at the sequence, as `actorAt` gives it, without the rest. */
function actorNameAt(id: string, rows: RowsAt): string {
  return `(
    SELECT coalesce(v.id, n.actor_id) AS id,
           CASE WHEN n.name IS NOT NULL AND (v.id IS NULL OR ${isBetterName('n', 'v')})
                THEN n.name ELSE v.name END AS name
      FROM (SELECT ${id} AS id) ids
      LEFT JOIN LATERAL (${versionOf('actors', 'id', 'ids.id', rows.sequence)}) v ON true
      LEFT JOIN LATERAL (${bestName(actorRowsAfterVersion(rows, 'ids.id'))}) n ON true
     WHERE v.id IS NOT NULL OR n.name IS NOT NULL)`;
}

/** The row of one topic at the sequence, as `actorAt` puts an actor's row together. */
function topicAt(topic: string, rows: RowsAt): string {
  return `(
    SELECT ${TOPIC_ROW}
      FROM (SELECT ${topic} AS topic) ids
      LEFT JOIN LATERAL (${versionOf('topics', 'topic', 'ids.topic', rows.sequence)}) v ON true
      CROSS JOIN LATERAL (
        SELECT ids.topic, count(*)::integer AS developments, min(r.occurred_on) AS first_seen_on,
               max(r.occurred_on) AS last_seen_on, array_agg(r.development_id) AS development_ids
          FROM ${rows.developmentTopics} r
         WHERE r.topic = ids.topic AND r.valid_from > coalesce(v.valid_from, 0)) c
      CROSS JOIN LATERAL (
        SELECT count(*)::integer AS statements
          FROM unnest(c.development_ids) d(development_id)
          JOIN ${rows.statements} st ON st.development_id = d.development_id
         WHERE st.topic = ids.topic AND st.valid_from > coalesce(v.valid_from, 0)) s
     WHERE v.topic IS NOT NULL OR c.developments > 0)`;
}
