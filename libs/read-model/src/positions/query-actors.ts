import { searchForms } from '@app/contracts';
import type { ActorDetail, ActorPage, ActorView } from '@app/contracts';
import { CURRENT_RELATIONS, ReadModelRelations } from '../known-at/read-model-relations';
import { encodeKeysetCursor, KeysetCursor } from '../pagination/keyset-cursor';
import { planningOnce } from '../database/read-model-queries';
import type { SqlExecutor } from '../projections/projection';
import { queryParameters } from '../sql/query-parameters';
import { canonicalIdSql } from '../identities/resolve-actors';

/** name: A to Z; activity: most developments first; recent: latest seen first. */
export const ACTOR_SORTS = ['name', 'activity', 'recent'] as const;
export type ActorSort = (typeof ACTOR_SORTS)[number];

const ORDERINGS: Record<ActorSort, { column: string; direction: 'ASC' | 'DESC' }> = {
  name: { column: 'name', direction: 'ASC' },
  activity: { column: 'developments', direction: 'DESC' },
  recent: { column: 'last_seen_on', direction: 'DESC' },
};

export const ACTOR_COLUMNS = `id, name, affiliation, developments, statements,
  first_seen_on::text AS "firstSeenOn", last_seen_on::text AS "lastSeenOn"`;

export async function listActors(
  sql: SqlExecutor,
  query: {
    sort: ActorSort;
    limit: number;
    after?: KeysetCursor;
    affiliation?: string;
    /** Only actors with a name, id or alias name a word of which starts with this. */
    prefix?: string;
  },
  relations: ReadModelRelations = CURRENT_RELATIONS,
): Promise<ActorPage> {
  const { column, direction } = ORDERINGS[query.sort];
  const conditions: string[] = [];
  const { values: parameters, bind } = queryParameters(relations.parameters);
  if (query.affiliation) conditions.push(`affiliation = ${bind(query.affiliation)}`);
  if (query.prefix !== undefined) conditions.push(foundByPrefix(query.prefix, bind, relations));
  if (query.after) {
    const beyond = direction === 'ASC' ? '>' : '<';
    const key = bind(query.after.key);
    const id = bind(query.after.id);
    conditions.push(`(${column} ${beyond} ${key} OR (${column} = ${key} AND id > ${id}))`);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  // A prefix is matched as a range of an index only when its value is in the plan.
  const executor = query.prefix === undefined ? planningOnce(sql) : sql;
  const rows = await executor.query<ActorView>(
    `SELECT ${ACTOR_COLUMNS} FROM ${relations.actors} actors ${where}
      ORDER BY ${column} ${direction}, id ASC LIMIT ${bind(query.limit + 1)}`,
    parameters,
  );
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  const sortKey = (actor: ActorView) =>
    query.sort === 'name'
      ? actor.name
      : query.sort === 'activity'
        ? actor.developments
        : actor.lastSeenOn;
  return {
    items,
    nextCursor:
      rows.length > query.limit && last
        ? encodeKeysetCursor({ sort: query.sort, key: sortKey(last), id: last.id })
        : null,
  };
}

/**
 * The actors (canonical: an alias's terms find the actor it is merged into) with a search
 * term that starts with a form of `prefix`; each form is a range of the terms' index.
 */
function foundByPrefix(
  prefix: string,
  bind: (value: unknown) => string,
  relations: ReadModelRelations,
): string {
  const forms = searchForms(prefix);
  if (forms.length === 0) return 'false';
  const matches = forms.map((form) => `t.term LIKE ${bind(`${escapeLike(form)}%`)}`);
  return `id IN (SELECT coalesce(m.canonical_id, t.actor_id)
                   FROM ${relations.actorSearchTerms} t
                   LEFT JOIN ${relations.actorMerges} m ON m.actor_id = t.actor_id
                  WHERE ${matches.join(' OR ')})`;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * The actor `id` is (itself, or the actor it was merged into), or null if none is known, with
 * the actors merged into it and, when `id` is one of them, `mergedFrom`.
 */
export async function getActor(
  sql: SqlExecutor,
  id: string,
  relations: ReadModelRelations = CURRENT_RELATIONS,
): Promise<ActorDetail | null> {
  const { values, bind } = queryParameters(relations.parameters);
  const [actor] = await planningOnce(sql).query<ActorDetail>(
    `SELECT ${ACTOR_COLUMNS}, ${aliases(relations)} AS aliases
       FROM (SELECT ${canonicalIdSql(`${bind(id)}::text`, relations.actorMerges)} AS canonical_id) given
       CROSS JOIN LATERAL ${relations.actor('given.canonical_id')} a`,
    values,
  );
  if (!actor) return null;
  return actor.id === id ? actor : { ...actor, mergedFrom: id };
}

/** The aliases of actor `a`, by id; an alias no development has named yet goes by its id. */
const aliases = (relations: ReadModelRelations) => `(
  SELECT coalesce(json_agg(json_build_object('id', m.actor_id, 'name', coalesce(n.name, m.actor_id))
                           ORDER BY m.actor_id), '[]')
    FROM ${relations.actorMerges} m
    LEFT JOIN LATERAL (
      SELECT d.name FROM ${relations.developmentActors} d
       WHERE d.actor_id = m.actor_id
       ORDER BY d.name <> d.actor_id DESC, d.occurred_on DESC, d.sequence DESC LIMIT 1) n ON true
   WHERE m.canonical_id = a.id AND m.actor_id <> a.id)`;
