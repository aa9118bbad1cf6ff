import type { TopicPage, TopicView } from '@app/contracts';
import { CURRENT_RELATIONS, ReadModelRelations } from '../known-at/read-model-relations';
import { encodeKeysetCursor, KeysetCursor } from '../pagination/keyset-cursor';
import { planningOnce } from '../database/read-model-queries';
import type { SqlExecutor } from '../projections/projection';
import { queryParameters } from '../sql/query-parameters';

/** topic: A to Z; activity: most developments first. */
export const TOPIC_SORTS = ['topic', 'activity'] as const;
export type TopicSort = (typeof TOPIC_SORTS)[number];

const TOPIC_COLUMNS = `topic, developments, statements,
  first_seen_on::text AS "firstSeenOn", last_seen_on::text AS "lastSeenOn"`;

export async function listTopics(
  sql: SqlExecutor,
  query: { sort: TopicSort; limit: number; after?: KeysetCursor },
  relations: ReadModelRelations = CURRENT_RELATIONS,
): Promise<TopicPage> {
  const { values: parameters, bind } = queryParameters(relations.parameters);
  let where = '';
  if (query.after && query.sort === 'topic') where = `WHERE topic > ${bind(query.after.id)}`;
  if (query.after && query.sort === 'activity') {
    const key = bind(query.after.key);
    where = `WHERE (developments < ${key} OR (developments = ${key} AND topic > ${bind(query.after.id)}))`;
  }
  const order = query.sort === 'topic' ? 'topic ASC' : 'developments DESC, topic ASC';
  const rows = await planningOnce(sql).query<TopicView>(
    `SELECT ${TOPIC_COLUMNS} FROM ${relations.topics} topics ${where}
      ORDER BY ${order} LIMIT ${bind(query.limit + 1)}`,
    parameters,
  );
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > query.limit && last
        ? encodeKeysetCursor({
            sort: query.sort,
            key: query.sort === 'topic' ? last.topic : last.developments,
            id: last.topic,
          })
        : null,
  };
}

export async function getTopic(
  sql: SqlExecutor,
  topic: string,
  relations: ReadModelRelations = CURRENT_RELATIONS,
): Promise<TopicView | null> {
  const { values, bind } = queryParameters(relations.parameters);
  const [row] = await planningOnce(sql).query<TopicView>(
    `SELECT ${TOPIC_COLUMNS} FROM ${relations.topic(`${bind(topic)}::text`)} topics`,
    values,
  );
  return row ?? null;
}
