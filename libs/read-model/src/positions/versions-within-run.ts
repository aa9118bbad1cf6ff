import { bestName, isBetterName, isNewerAffiliation, latestAffiliation } from './actor-row-rules';

/*
 * A round writes each actor and topic row once, dated from its last sequence. A catch-up
 * applies hundreds of recordings per round, so a known-at answer inside such a run would put
 * each row together from the version before the run and up to hundreds of developments' rows.
 * The round therefore also keeps, in the history tables only, the versions the rows had at
 * each multiple of the version span inside it: an answer adds at most a span's rows to one.
 * They are inserted, never updated, so the hot current rows are still written once a round.
 */

/** Sequences between the versions a round keeps inside a run of recordings. */
export const VERSION_SPAN = 64;

/** The date of the first version to hold a row made at `sequence`: the multiple of `span` at or after it. */
export const versionDate = (sequence: number, span: number) => Math.ceil(sequence / span) * span;

/** Whether any of a round's rows is held by a version dated before the round's last sequence. */
export function hasRowsDatedInside(
  rows: { actors: { sequence: number }[]; topics: { sequence: number }[] },
  round: number,
  span: number,
): boolean {
  // Statements need no look: a statement's actor has a row of its development, of its sequence.
  const inside = (row: { sequence: number }) => versionDate(row.sequence, span) < round;
  return rows.actors.some(inside) || rows.topics.some(inside);
}

/** What `versionsWithinRun` refers to: SQL expressions and relations of the statement. */
export interface RunRelations {
  /** The round's last sequence. */
  round: string;
  span: string;
  /** The development actor, development topic and statement rows the round inserted. */
  actors: string;
  topics: string;
  statements: string;
}

/**
 * Common table expressions that insert the versions dated inside the run into the history
 * tables, and give `actor_first_dates` and `topic_first_dates`: per actor or topic, the date
 * of its first version dated inside the run. In the statement that inserts the round's
 * rows, so that they are the rows really inserted (a redelivered recording's rows exist
 * already) and the actor and topic rows are read as the round found them. Each version is such
 * a row with the run's rows up to its date added, by the rules that keep the current rows.
 */
export function versionsWithinRun(p: RunRelations): string {
  const dated = `((r.valid_from + ${p.span} - 1) / ${p.span} * ${p.span})`;
  const inside = `${dated} < ${p.round}`;
  return `
  run_actors AS (SELECT r.*, ${dated} AS dated FROM ${p.actors} r WHERE ${inside}),
  run_statements AS (
    SELECT r.canonical_actor_id, r.topic, ${dated} AS dated FROM ${p.statements} r WHERE ${inside}),
  run_topics AS (SELECT r.topic, r.occurred_on, ${dated} AS dated FROM ${p.topics} r WHERE ${inside}),
  actor_spans AS (
    SELECT a.*, coalesce(s.statements, 0) AS statements
      FROM (SELECT canonical_actor_id AS id, dated, count(DISTINCT development_id) AS developments,
                   min(occurred_on) AS first_seen_on, max(occurred_on) AS last_seen_on
              FROM run_actors GROUP BY canonical_actor_id, dated) a
      LEFT JOIN (SELECT canonical_actor_id AS id, dated, count(*) AS statements
                   FROM run_statements GROUP BY canonical_actor_id, dated) s USING (id, dated)),
  actor_dates AS (${upToEachDate('actor_spans', 'id', p.round)}),
  actor_first_dates AS (SELECT id, min(dated) AS dated FROM actor_dates GROUP BY id),
  actor_rows_by_date AS (
    SELECT r.*, d.dated AS version_dated
      FROM actor_dates d JOIN run_actors r ON r.canonical_actor_id = d.id AND r.dated <= d.dated),
  actor_version_names AS (${bestName('actor_rows_by_date', ['version_dated'])}),
  actor_version_affiliations AS (${latestAffiliation('actor_rows_by_date', ['version_dated'])}),
  actor_versions AS (
    INSERT INTO actors_history (id, name, name_own, name_given, named_on, named_sequence, affiliation,
                                affiliated_on, affiliated_sequence, developments, statements,
                                first_seen_on, last_seen_on, valid_from, valid_to)
    SELECT d.id,
           CASE WHEN w.renamed THEN n.name ELSE a.name END,
           CASE WHEN w.renamed THEN n.name_own ELSE a.name_own END,
           CASE WHEN w.renamed THEN n.name_given ELSE a.name_given END,
           CASE WHEN w.renamed THEN n.named_on ELSE a.named_on END,
           CASE WHEN w.renamed THEN n.named_sequence ELSE a.named_sequence END,
           CASE WHEN w.reaffiliated THEN f.affiliation ELSE a.affiliation END,
           CASE WHEN w.reaffiliated THEN f.affiliated_on ELSE a.affiliated_on END,
           CASE WHEN w.reaffiliated THEN f.affiliated_sequence ELSE a.affiliated_sequence END,
           ${ADDED_UP}, d.dated, d.valid_to
      FROM actor_dates d
      JOIN actor_version_names n ON n.actor_id = d.id AND n.version_dated = d.dated
      LEFT JOIN actor_version_affiliations f ON f.actor_id = d.id AND f.version_dated = d.dated
      LEFT JOIN actors a ON a.id = d.id
      CROSS JOIN LATERAL (
        SELECT a.id IS NULL OR ${isBetterName('n', 'a')} AS renamed,
               coalesce(${isNewerAffiliation('f', 'a')}, false) AS reaffiliated) w),
  topic_spans AS (
    SELECT t.*, coalesce(s.statements, 0) AS statements
      FROM (SELECT topic, dated, count(*) AS developments, min(occurred_on) AS first_seen_on,
                   max(occurred_on) AS last_seen_on
              FROM run_topics GROUP BY topic, dated) t
      LEFT JOIN (SELECT topic, dated, count(*) AS statements
                   FROM run_statements GROUP BY topic, dated) s USING (topic, dated)),
  topic_dates AS (${upToEachDate('topic_spans', 'topic', p.round)}),
  topic_first_dates AS (SELECT topic, min(dated) AS dated FROM topic_dates GROUP BY topic),
  topic_versions AS (
    INSERT INTO topics_history (topic, developments, statements, first_seen_on, last_seen_on,
                                valid_from, valid_to)
    SELECT d.topic, ${ADDED_UP}, d.dated, d.valid_to
      FROM topic_dates d LEFT JOIN topics a ON a.topic = d.topic)`;
}

/**
 * Per actor or topic (`key`) of `spans` (what each span of the run added: developments,
 * statements, first and last seen), each date with what the run added up to it, and the date
 * the version dated then holds until: the next date, or the round's last sequence.
 */
function upToEachDate(spans: string, key: string, round: string): string {
  return `SELECT ${key}, dated, lead(dated, 1, ${round}) OVER w AS valid_to,
                 (sum(developments) OVER w)::integer AS developments,
                 (sum(statements) OVER w)::integer AS statements,
                 min(first_seen_on) OVER w AS first_seen_on, max(last_seen_on) OVER w AS last_seen_on
            FROM ${spans} WINDOW w AS (PARTITION BY ${key} ORDER BY dated)`;
}

/** The counts and days of the row before the round (`a`) with what the run added (`d`). */
const ADDED_UP = `coalesce(a.developments, 0) + d.developments, coalesce(a.statements, 0) + d.statements,
           least(a.first_seen_on, d.first_seen_on), greatest(a.last_seen_on, d.last_seen_on)`;
