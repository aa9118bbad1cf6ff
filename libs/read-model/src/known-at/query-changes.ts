import type { PositionChange, PositionChangePage, PositionState } from '@app/contracts';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import { canonicalIdSql, sameActorIds } from '../identities/resolve-actors';
import { encodeKeysetCursor, decodeKeysetCursor } from '../pagination/keyset-cursor';
import { latestStatement, runStart } from '../positions/query-positions';
import { checkpointsOf } from '../checkpoints/checkpoints';
import type { SqlExecutor } from '../projections/projection';
import { relationsKnownAt } from './read-model-relations';

/** A page of changes ends after this many events per item asked for, whatever they yield. */
export const EVENTS_READ_PER_ITEM = 10;

/**
 * Where a page of changes ended: after one (actor, topic) of an event, or after every change
 * of an event (when the page ended because it had read as many events as it may).
 */
export type ChangesCursor =
  | { sequence: number; actorId: string; topic: string }
  | { sequence: number; actorId?: undefined; topic?: undefined };

const CURSOR_SORT = 'changes';

export function encodeChangesCursor(cursor: ChangesCursor): string {
  const id = cursor.actorId === undefined ? '' : JSON.stringify([cursor.actorId, cursor.topic]);
  return encodeKeysetCursor({ sort: CURSOR_SORT, key: cursor.sequence, id });
}

export function decodeChangesCursor(encoded: string): ChangesCursor | null {
  const cursor = decodeKeysetCursor(encoded);
  if (!cursor || cursor.sort !== CURSOR_SORT || typeof cursor.key !== 'number') return null;
  if (cursor.id === '') return { sequence: cursor.key };
  try {
    const pair: unknown = JSON.parse(cursor.id);
    if (!Array.isArray(pair) || pair.length !== 2) return null;
    const [actorId, topic] = pair as unknown[];
    if (typeof actorId !== 'string' || typeof topic !== 'string') return null;
    return { sequence: cursor.key, actorId, topic };
  } catch {
    return null;
  }
}

export interface ChangesQuery {
  /** Events after this sequence. */
  after: number;
  /** Events up to this sequence, inclusive; the applied position when absent or beyond it. */
  until?: number;
  /** Changes of this actor: the actor it is now, and every actor merged into that one. */
  actor?: string;
  topic?: string;
  limit: number;
  cursor?: ChangesCursor;
  /** The projections whose applied position bounds what can be answered. */
  projections: readonly string[];
}

interface ChangeRow {
  sequence: number;
  recorded_at: string;
  recorded_by: string | null;
  type: PositionChange['eventType'];
  development_id: string | null;
  actor_id: string;
  name: string;
  topic: string;
  before_stance: PositionState['stance'] | null;
  before_since: string | null;
  after_stance: PositionState['stance'] | null;
  after_since: string | null;
}

const schema = READ_MODEL_SCHEMA;
const mergesAt = (sequence: string) => relationsKnownAt(sequence).actorMerges;
const statementsAt = (sequence: string) => relationsKnownAt(sequence).statements;

/** The name of canonical actor `actor` when the log ended at `sequence`, if it had one. */
const nameAt = (sequence: string, actor: string) =>
  `(SELECT a.name FROM ${relationsKnownAt(sequence).actorName(actor)} a)`;

/**
 * The position (stance and since) of `actor` on `topic` over `statements`, by the rules of
 * the positions routes; no row when the actor has said nothing on it.
 */
const positionOn = (statements: string, actor: string, topic: string) => `
  SELECT c.stance, run.since::text AS since
    FROM (SELECT latest.* FROM (SELECT 1) one
          ${latestStatement(statements, actor, topic, 'NULL')}) c
    ${runStart(statements)}`;

/**
 * Position changes in log order (then by actor id and topic): for each event, every
 * (actor, topic) whose position differs just before it (as `positions?knownAt=sequence-1`
 * answers for that actor) and just after it (`knownAt=sequence`). The actor is canonical as
 * merges stood after the event. Only the pairs an event can have moved are looked at: the
 * actors and topics of the statement versions it made or ended, and, for an actor it
 * unmerged, every topic of the actor it had been merged into (before the unmerge its
 * positions were that one's). A page reads at most EVENTS_READ_PER_ITEM × limit events.
 */
export async function queryChanges(
  sql: SqlExecutor,
  query: ChangesQuery,
): Promise<PositionChangePage> {
  const { items, next } = await readChanges(sql, query);
  return { items, nextCursor: next && encodeChangesCursor(next) };
}

/** What one page of changes read, and where the next one starts. */
export interface ChangesRead {
  items: PositionChange[];
  /** Where the next page starts; null when every change up to `through` is listed. */
  next: ChangesCursor | null;
  /** The last sequence the page could list: `until`, or the applied position before it. */
  through: number;
}

/** queryChanges, with the cursor decoded and the last sequence it could list. */
export async function readChanges(sql: SqlExecutor, query: ChangesQuery): Promise<ChangesRead> {
  const actorIds = query.actor === undefined ? null : await sameActorIds(sql, [query.actor]);
  const eventsRead = EVENTS_READ_PER_ITEM * query.limit;
  const { cursor } = query;
  const afterWhole = cursor && cursor.actorId === undefined ? cursor.sequence : 0;
  const withinEvent = cursor && cursor.actorId !== undefined ? cursor : null;
  const [result] = await sql.query<{
    events: number;
    last_read: string | null;
    through: string;
    items: ChangeRow[];
  }>(
    `WITH checkpoint AS (${checkpointsOf('$3::text[]')}),
     bounds AS (
       -- A change at s compares the read model at s - 1 with it at s: both must be kept.
       SELECT greatest($1::bigint, history_from) AS low,
              least(coalesce($2::bigint, position), position) AS high,
              coalesce($4::bigint, 0) AS start
         FROM checkpoint),
     events AS (
       SELECT * FROM (
         (SELECT d.sequence, d.type, d.development_id, NULL::text AS actor_id, d.recorded_at,
                 d.recorded_by
            FROM ${schema}.development_events d
           WHERE d.sequence > (SELECT low FROM bounds) AND d.sequence <= (SELECT high FROM bounds)
             AND d.sequence >= (SELECT start FROM bounds)
           ORDER BY d.sequence LIMIT $7::integer + 1)
         UNION ALL
         (SELECT a.sequence, a.type, NULL::uuid, a.actor_id, a.recorded_at, a.recorded_by
            FROM ${schema}.actor_events a
           WHERE a.sequence > (SELECT low FROM bounds) AND a.sequence <= (SELECT high FROM bounds)
             AND a.sequence >= (SELECT start FROM bounds)
           ORDER BY a.sequence LIMIT $7::integer + 1)) e
        ORDER BY sequence LIMIT $7::integer + 1),
     read AS (SELECT * FROM events ORDER BY sequence LIMIT $7::integer),
     -- Per event in log order, the changes it made; the page stops at its limit without
     -- working out the events after it.
     changes AS (
       SELECT e.sequence, x.actor_id, x.topic, x.before_stance, x.before_since,
              x.after_stance, x.after_since
         FROM (SELECT * FROM read ORDER BY sequence) e
         CROSS JOIN LATERAL (
           SELECT p.actor_id, p.topic, b.stance AS before_stance, b.since AS before_since,
                  a.stance AS after_stance, a.since AS after_since
             FROM (
               -- The statement versions the event made or ended: a development's event
               -- touches only its development's rows; a merge or unmerge ends every version
               -- whose actor it moved. Each gives the actor its statement belongs to after
               -- the event, and the one it belonged to before, as it stands after the event
               -- (an unmerge leaves that one too).
               SELECT c.actor_id, t.topic
                 FROM (
                   SELECT s.actor_id, s.canonical_actor_id, s.topic FROM ${schema}.statements s
                    WHERE s.development_id = e.development_id AND s.valid_from = e.sequence
                   UNION ALL
                   SELECT h.actor_id, h.canonical_actor_id, h.topic FROM ${schema}.statements_history h
                    WHERE h.development_id = e.development_id
                      AND (h.valid_from = e.sequence OR h.valid_to = e.sequence)
                   UNION ALL
                   SELECT h.actor_id, h.canonical_actor_id, h.topic FROM ${schema}.statements_history h
                    WHERE e.development_id IS NULL AND h.valid_to = e.sequence) t
                 CROSS JOIN LATERAL (
                   VALUES (${canonicalIdSql('t.actor_id', mergesAt('e.sequence'))}),
                          (${canonicalIdSql('t.canonical_actor_id', mergesAt('e.sequence'))})) c(actor_id)
               UNION
               SELECT e.actor_id, s.topic
                 FROM (SELECT ${canonicalIdSql('e.actor_id', mergesAt('(e.sequence - 1)'))} AS id) was
                 CROSS JOIN LATERAL (
                   SELECT DISTINCT s.topic FROM ${statementsAt('(e.sequence - 1)')} s
                    WHERE s.canonical_actor_id = was.id) s
                WHERE e.actor_id IS NOT NULL AND was.id <> e.actor_id
                  AND ${canonicalIdSql('e.actor_id', mergesAt('e.sequence'))} = e.actor_id) p
             CROSS JOIN LATERAL (
               SELECT ${canonicalIdSql('p.actor_id', mergesAt('(e.sequence - 1)'))} AS id) was
             LEFT JOIN LATERAL (${positionOn(statementsAt('(e.sequence - 1)'), 'was.id', 'p.topic')}) b
               ON true
             LEFT JOIN LATERAL (${positionOn(statementsAt('e.sequence'), 'p.actor_id', 'p.topic')}) a
               ON true
            WHERE ($9::text IS NULL OR p.topic = $9::text)
              AND ($10::text[] IS NULL OR p.actor_id = ANY($10::text[]))
              AND ($5::text IS NULL
                   OR (e.sequence, p.actor_id COLLATE "C", p.topic COLLATE "C")
                      > ($4::bigint, $5::text COLLATE "C", $6::text COLLATE "C"))
              AND (b.stance, b.since) IS DISTINCT FROM (a.stance, a.since)) x
        ORDER BY e.sequence, x.actor_id COLLATE "C", x.topic COLLATE "C"
        LIMIT $8::integer + 1)
     SELECT (SELECT count(*)::integer FROM events) AS events,
            (SELECT max(sequence) FROM read) AS last_read,
            (SELECT high FROM bounds) AS through,
            coalesce((
              SELECT json_agg(row_to_json(item)
                              ORDER BY item.sequence, item.actor_id COLLATE "C", item.topic COLLATE "C")
                FROM (SELECT ch.sequence, e.recorded_at, e.recorded_by, e.type, e.development_id,
                             ch.actor_id, ch.topic, ch.before_stance, ch.before_since,
                             ch.after_stance, ch.after_since,
                             -- An actor no development names any more after the event goes
                             -- by its name before it.
                             coalesce(${nameAt('ch.sequence', 'ch.actor_id')},
                                      ${nameAt('(ch.sequence - 1)', 'ch.actor_id')},
                                      ch.actor_id) AS name
                        FROM changes ch JOIN read e USING (sequence)) item),
              '[]') AS items`,
    [
      Math.max(query.after, afterWhole),
      query.until ?? null,
      query.projections,
      withinEvent?.sequence ?? null,
      withinEvent?.actorId ?? null,
      withinEvent?.topic ?? null,
      eventsRead,
      query.limit,
      query.topic ?? null,
      actorIds,
    ],
  );
  const rows = result.items;
  const items = rows.slice(0, query.limit).map(toPositionChange);
  const last = items[items.length - 1];
  let next: ChangesCursor | null = null;
  if (rows.length > query.limit && last) {
    next = { sequence: last.sequence, actorId: last.actor.id, topic: last.topic };
  } else if (result.events > eventsRead && result.last_read !== null) {
    next = { sequence: Number(result.last_read) };
  }
  return { items, next, through: Number(result.through) };
}

/** The last sequence every one of `projections` has applied; 0 while one has applied nothing. */
export async function appliedPosition(
  sql: SqlExecutor,
  projections: readonly string[],
): Promise<number> {
  const [row] = await sql.query<{ position: string }>(
    `SELECT position FROM (${checkpointsOf('$1::text[]')}) checkpoint`,
    [projections],
  );
  return Number(row.position);
}

function toPositionChange(row: ChangeRow): PositionChange {
  const state = (stance: PositionState['stance'] | null, since: string | null) =>
    stance === null || since === null ? null : { stance, since };
  return {
    sequence: Number(row.sequence),
    recordedAt: new Date(row.recorded_at).toISOString(),
    recordedBy: row.recorded_by,
    eventType: row.type,
    developmentId: row.development_id,
    actor: { id: row.actor_id, name: row.name },
    topic: row.topic,
    before: state(row.before_stance, row.before_since),
    after: state(row.after_stance, row.after_since),
  };
}
