import { READ_MODEL_SCHEMA } from '../database/read-model-schema';

/**
 * What queries read, as SQL relations (a table, or a subquery to alias like one): the read
 * model as it stands, or as it stood when the log ended at some sequence. A query written
 * against these answers both questions with the same text.
 */
export interface ReadModelRelations {
  developments: string;
  developmentEvents: string;
  statements: string;
  developmentActors: string;
  developmentTopics: string;
  actorMerges: string;
  actors: string;
  /** Actor ids and names only, where that is all a query needs. */
  actorNames: string;
  topics: string;
  actorSearchTerms: string;
}

const table = (name: string) => `${READ_MODEL_SCHEMA}.${name}`;

export const CURRENT_RELATIONS: ReadModelRelations = {
  developments: table('developments'),
  developmentEvents: table('development_events'),
  statements: table('statements'),
  developmentActors: table('development_actors'),
  developmentTopics: table('development_topics'),
  actorMerges: table('actor_merges'),
  actors: table('actors'),
  actorNames: table('actors'),
  topics: table('topics'),
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
 * counted here from the rows that held then, by the rules that keep the current ones.
 */
export function relationsKnownAt(sequence: string): ReadModelRelations {
  const developmentActors = versionsAt('development_actors', sequence);
  const statements = versionsAt('statements', sequence);
  const developmentTopics = versionsAt('development_topics', sequence);
  return {
    // A development's current row holds from its last event (last_sequence).
    developments: versionsAt('developments', sequence, 'last_sequence'),
    developmentEvents: `(SELECT * FROM ${table('development_events')} WHERE sequence <= ${sequence})`,
    statements,
    developmentActors,
    developmentTopics,
    actorMerges: versionsAt('actor_merges', sequence),
    actors: actorsAt(sequence, developmentActors, statements),
    actorNames: actorNamesAt(sequence, developmentActors),
    topics: topicsAt(sequence, developmentTopics, statements),
    actorSearchTerms: `(SELECT term, actor_id FROM ${table('actor_search_terms')} WHERE sequence <= ${sequence})`,
  };
}

/** The newer of the version's name (`v`) and the best one added after it (`n`). */
const NAME_AT = `CASE WHEN n.name IS NOT NULL AND (v.id IS NULL OR
                  (n.name_own, n.name_given, n.named_on, n.named_sequence)
                  > (v.name_own, v.name_given, v.named_on, v.named_sequence))
                THEN n.name ELSE v.name END AS name`;

/**
 * Actor rows at `sequence`. They are versioned per round (`rounds`): the version that holds
 * at the sequence is exact at a round's end; inside a run of recordings it is the version
 * before the run, and the run's rows up to the sequence are added to it by the rules that
 * keep the current rows (counts added, first and last seen by least and greatest, the name
 * and the affiliation replaced by newer ones).
 */
function actorsAt(sequence: string, developmentActors: string, statements: string): string {
  const added = `${developmentActors} r WHERE r.canonical_actor_id = ids.id
                   AND r.valid_from > coalesce(v.valid_from, -1)`;
  return `(
    SELECT ids.id,
           ${NAME_AT},
           CASE WHEN f.affiliation IS NOT NULL AND (v.affiliation IS NULL OR
                  (f.affiliated_on, f.affiliated_sequence) > (v.affiliated_on, v.affiliated_sequence))
                THEN f.affiliation ELSE v.affiliation END AS affiliation,
           coalesce(v.developments, 0) + c.developments AS developments,
           coalesce(v.statements, 0) + s.statements AS statements,
           least(v.first_seen_on, c.first_seen_on) AS first_seen_on,
           greatest(v.last_seen_on, c.last_seen_on) AS last_seen_on
      FROM ${everyVersioned('actors', 'id', sequence)} ids
      LEFT JOIN LATERAL (
        SELECT * FROM ${versionsAt('actors', sequence)} v WHERE v.id = ids.id LIMIT 1) v ON true
      CROSS JOIN LATERAL (
        SELECT count(DISTINCT r.development_id)::integer AS developments,
               min(r.occurred_on) AS first_seen_on, max(r.occurred_on) AS last_seen_on,
               array_agg(DISTINCT r.development_id) AS development_ids
          FROM ${added}) c
${bestNameAdded(added)}
      LEFT JOIN LATERAL (
        SELECT r.affiliation, r.occurred_on AS affiliated_on, r.sequence AS affiliated_sequence
          FROM ${added} AND r.affiliation IS NOT NULL
         ORDER BY r.occurred_on DESC, r.sequence DESC, r.actor_id
         LIMIT 1) f ON true
      CROSS JOIN LATERAL (
        SELECT count(*)::integer AS statements FROM ${statements} st
         WHERE c.developments > 0 AND st.canonical_actor_id = ids.id
           AND st.development_id = ANY(c.development_ids)
           AND st.valid_from > coalesce(v.valid_from, -1)) s
     WHERE v.id IS NOT NULL OR c.developments > 0)`;
}

/** Topic rows at `sequence`, as `actorsAt` puts actor rows together. */
function topicsAt(sequence: string, developmentTopics: string, statements: string): string {
  return `(
    SELECT ids.topic,
           coalesce(v.developments, 0) + c.developments AS developments,
           coalesce(v.statements, 0) + s.statements AS statements,
           least(v.first_seen_on, c.first_seen_on) AS first_seen_on,
           greatest(v.last_seen_on, c.last_seen_on) AS last_seen_on
      FROM ${everyVersioned('topics', 'topic', sequence)} ids
      LEFT JOIN LATERAL (
        SELECT * FROM ${versionsAt('topics', sequence)} v WHERE v.topic = ids.topic LIMIT 1) v ON true
      CROSS JOIN LATERAL (
        SELECT count(*)::integer AS developments, min(r.occurred_on) AS first_seen_on,
               max(r.occurred_on) AS last_seen_on, array_agg(r.development_id) AS development_ids
          FROM ${developmentTopics} r
         WHERE r.topic = ids.topic AND r.valid_from > coalesce(v.valid_from, -1)) c
      CROSS JOIN LATERAL (
        SELECT count(*)::integer AS statements FROM ${statements} st
         WHERE c.developments > 0 AND st.topic = ids.topic
           AND st.development_id = ANY(c.development_ids)
           AND st.valid_from > coalesce(v.valid_from, -1)) s
     WHERE v.topic IS NOT NULL OR c.developments > 0)`;
}

/**
 * The ids of the actors or topics that may have had a row at `sequence`: every current one,
 * and every one with a version that was not closed by then (one created inside a run of
 * recordings and later removed has only versions from after the sequence).
 */
function everyVersioned(name: 'actors' | 'topics', key: string, sequence: string): string {
  return `(SELECT ${key} FROM ${table(name)}
           UNION
           SELECT ${key} FROM ${table(`${name}_history`)} WHERE valid_to > ${sequence})`;
}

/** `n`: the best name among the rows of `added`, by the order of the actor rows' names. */
function bestNameAdded(added: string): string {
  return `LEFT JOIN LATERAL (
        SELECT r.name, r.actor_id = r.canonical_actor_id AS name_own, r.name <> r.actor_id AS name_given,
               r.occurred_on AS named_on, r.sequence AS named_sequence
          FROM ${added}
         ORDER BY r.actor_id = r.canonical_actor_id DESC, r.name <> r.actor_id DESC,
                  r.occurred_on DESC, r.sequence DESC, r.actor_id
         LIMIT 1) n ON true`;
}

/** The name of each actor at `sequence`, as `actorsAt` gives it, without the rest. */
function actorNamesAt(sequence: string, developmentActors: string): string {
  const added = `${developmentActors} r WHERE r.canonical_actor_id = ids.id
                   AND r.valid_from > coalesce(v.valid_from, -1)`;
  return `(
    SELECT ids.id, ${NAME_AT}
      FROM ${everyVersioned('actors', 'id', sequence)} ids
      LEFT JOIN LATERAL (
        SELECT * FROM ${versionsAt('actors', sequence)} v WHERE v.id = ids.id LIMIT 1) v ON true
      ${bestNameAdded(added)}
     WHERE v.id IS NOT NULL OR n.name IS NOT NULL)`;
}
