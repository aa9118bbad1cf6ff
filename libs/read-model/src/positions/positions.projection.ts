import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import type { Projection, SqlExecutor } from '../projections/projection';
import { developmentActorRows, developmentTopicRows, statementRows } from './positions-rows';

const S = READ_MODEL_SCHEMA;

/**
 * Statements and the actors and topics they involve. Positions are not stored: they are
 * computed at query time from the statements, so order of arrival cannot corrupt them.
 * Actor and topic rows are refreshed from the statement and development-actor rows of the
 * keys a batch touched, which makes them independent of the order developments arrived in.
 */
export const positionsProjection: Projection = {
  name: 'positions',
  async handle(events, sql) {
    const statements = statementRows(events);
    const actors = developmentActorRows(events);
    const topics = developmentTopicRows(events);
    await sql.query(
      `INSERT INTO ${S}.statements
         (development_id, statement_index, actor_id, topic, stance, quote, summary, occurred_on, sequence)
       SELECT r.development_id, r.statement_index, r.actor_id, r.topic, r.stance, r.quote, r.summary,
              r.occurred_on, r.sequence
         FROM jsonb_to_recordset($1::jsonb) AS r(
           development_id uuid, statement_index integer, actor_id text, topic text, stance text,
           quote text, summary text, occurred_on date, sequence bigint)
       ON CONFLICT (development_id, statement_index) DO NOTHING`,
      [JSON.stringify(statements)],
    );
    await sql.query(
      `INSERT INTO ${S}.development_actors (development_id, actor_id, name, affiliation, occurred_on, sequence)
       SELECT r.development_id, r.actor_id, r.name, r.affiliation, r.occurred_on, r.sequence
         FROM jsonb_to_recordset($1::jsonb) AS r(
           development_id uuid, actor_id text, name text, affiliation text, occurred_on date, sequence bigint)
       ON CONFLICT (development_id, actor_id) DO NOTHING`,
      [JSON.stringify(actors)],
    );
    await sql.query(
      `INSERT INTO ${S}.development_topics (development_id, topic, occurred_on, occurred_end)
       SELECT r.development_id, r.topic, r.occurred_on, r.occurred_end
         FROM jsonb_to_recordset($1::jsonb) AS r(
           development_id uuid, topic text, occurred_on date, occurred_end date)
       ON CONFLICT (development_id, topic) DO NOTHING`,
      [JSON.stringify(topics)],
    );
    await refreshActors(sql, unique(actors.map((row) => row.actor_id)));
    await refreshTopics(sql, unique(topics.map((row) => row.topic)));
  },
};

/** Recomputes the given actors' rows from the development-actor and statement rows. */
async function refreshActors(sql: SqlExecutor, actorIds: string[]): Promise<void> {
  await sql.query(
    `INSERT INTO ${S}.actors (id, name, name_given, named_on, named_sequence, affiliation,
                              affiliated_on, affiliated_sequence, developments, statements,
                              first_seen_on, last_seen_on)
     SELECT a.id, n.name, n.name <> a.id, n.occurred_on, n.sequence,
            f.affiliation, f.occurred_on, f.sequence, c.developments,
            (SELECT count(*) FROM ${S}.statements s WHERE s.actor_id = a.id),
            c.first_seen_on, c.last_seen_on
       FROM unnest($1::text[]) AS a(id)
       CROSS JOIN LATERAL (
         SELECT count(*) AS developments, min(occurred_on) AS first_seen_on,
                max(occurred_on) AS last_seen_on
           FROM ${S}.development_actors WHERE actor_id = a.id) c
       CROSS JOIN LATERAL (
         SELECT name, occurred_on, sequence FROM ${S}.development_actors
          WHERE actor_id = a.id
          ORDER BY name <> actor_id DESC, occurred_on DESC, sequence DESC LIMIT 1) n
       LEFT JOIN LATERAL (
         SELECT affiliation, occurred_on, sequence FROM ${S}.development_actors
          WHERE actor_id = a.id AND affiliation IS NOT NULL
          ORDER BY occurred_on DESC, sequence DESC LIMIT 1) f ON true
     ON CONFLICT (id) DO UPDATE SET
       name = excluded.name, name_given = excluded.name_given, named_on = excluded.named_on,
       named_sequence = excluded.named_sequence, affiliation = excluded.affiliation,
       affiliated_on = excluded.affiliated_on, affiliated_sequence = excluded.affiliated_sequence,
       developments = excluded.developments, statements = excluded.statements,
       first_seen_on = excluded.first_seen_on, last_seen_on = excluded.last_seen_on`,
    [actorIds],
  );
}

/** Recomputes the given topics' rows from the development-topic and statement rows. */
async function refreshTopics(sql: SqlExecutor, topics: string[]): Promise<void> {
  await sql.query(
    `INSERT INTO ${S}.topics (topic, developments, statements, first_seen_on, last_seen_on)
     SELECT t.topic, d.developments,
            (SELECT count(*) FROM ${S}.statements s WHERE s.topic = t.topic),
            d.first_seen_on, d.last_seen_on
       FROM unnest($1::text[]) AS t(topic)
       CROSS JOIN LATERAL (
         SELECT count(*) AS developments, min(occurred_on) AS first_seen_on,
                max(occurred_end) AS last_seen_on
           FROM ${S}.development_topics WHERE topic = t.topic) d
     ON CONFLICT (topic) DO UPDATE SET
       developments = excluded.developments, statements = excluded.statements,
       first_seen_on = excluded.first_seen_on, last_seen_on = excluded.last_seen_on`,
    [topics],
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
