import { canonicalText } from '@app/contracts';
import { CURRENT_RELATIONS, ReadModelRelations } from '../known-at/read-model-relations';
import type { SqlExecutor } from '../projections/projection';
import { sameActorIds } from '../identities/resolve-actors';
import {
  canonicalActorIds,
  DEVELOPMENT_JSON_COLUMNS,
  DevelopmentJsonRow,
  developmentViewJson,
} from './development-view';
import { encodeTimelineCursor, TimelineCursor } from './timeline-cursor';
import { queryParameters } from '../sql/query-parameters';

export interface TimelineQuery {
  from?: string;
  to?: string;
  /** Developments involving any of these actors, or any actor merged with one of them. */
  actors?: string[];
  /** Developments about any of these topics. */
  topics?: string[];
  /**
   * Full-text search in title and body (web-search syntax: words, "phrases", -exclusions,
   * or); composed and decomposed spellings of a word find each other.
   */
  text?: string;
  /** Retracted developments are left out unless asked for. */
  includeRetracted?: boolean;
  order: 'asc' | 'desc';
  limit: number;
  after?: TimelineCursor;
  /** The read model to answer from: as it stands, or as it stood at a sequence. */
  relations?: ReadModelRelations;
}

/**
 * Developments whose [occurredOn, occurredUntil] window overlaps [from, to], ordered by
 * occurredOn then by the sequence of their first event; keyset-paginated. The page as the
 * API sends it, as JSON text: `JSON.stringify` of the TimelinePage, put together from each
 * document's stored JSON without parsing it.
 */
export async function queryTimelineJson(sql: SqlExecutor, query: TimelineQuery): Promise<string> {
  const relations = query.relations ?? CURRENT_RELATIONS;
  const actors = query.actors?.length
    ? await sameActorIds(sql, query.actors, relations)
    : undefined;
  const { text, values } = timelinePageSql({ ...query, actors, relations });
  const rows = await sql.query<DevelopmentJsonRow & { occurred_day: string }>(text, values);
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > query.limit && last
      ? encodeTimelineCursor({
          occurredOn: last.occurred_day,
          sequence: Number(last.sequence),
          order: query.order,
        })
      : null;
  const itemsJson = items.map(developmentViewJson).join(',');
  return `{"items":[${itemsJson}],"nextCursor":${JSON.stringify(nextCursor)}}`;
}

/** One page and the row after it (whether there is a next page), with occurredOn as text. */
function timelinePageSql(query: TimelineQuery & { relations: ReadModelRelations }): {
  text: string;
  values: unknown[];
} {
  const conditions: string[] = [];
  const { values, bind } = queryParameters(query.relations.parameters);
  if (!query.includeRetracted) conditions.push('retracted IS NULL');
  if (query.to) conditions.push(`occurred_on <= ${bind(query.to)}::date`);
  if (query.actors?.length) conditions.push(`actor_ids && ${bind(query.actors)}::text[]`);
  if (query.topics?.length) conditions.push(`topics && ${bind(query.topics)}::text[]`);
  if (query.text) {
    const text = bind(canonicalText(query.text));
    conditions.push(`search @@ websearch_to_tsquery('russian', ${text})`);
  }
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  if (query.after) {
    const comparison = query.order === 'desc' ? '<' : '>';
    conditions.push(
      `(occurred_on, sequence) ${comparison} (${bind(query.after.occurredOn)}::date, ${bind(query.after.sequence)}::bigint)`,
    );
  }
  const page = `ORDER BY occurred_on ${direction}, sequence ${direction} LIMIT ${bind(query.limit + 1)}`;
  const part = (window: string[]) => {
    const where = [...conditions, ...window];
    return `(SELECT ${DEVELOPMENT_JSON_COLUMNS}, occurred_on, actor_ids FROM ${query.relations.developments} developments
              ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ${page})`;
  };
  const parts = query.from ? windowsReaching(bind(query.from)).map(part) : [part([])];
  return {
    text: `SELECT ${DEVELOPMENT_JSON_COLUMNS}, occurred_on::text AS occurred_day,
                  ${canonicalActorIds('developments', query.relations.actorMerges)}
             FROM (${parts.join(' UNION ALL ')}) developments ${page}`,
    values,
  };
}

/**
 * A window reaches `from` (ends on or after it) if it starts on or after `from`, or started
 * before and is still going on that day. Asked apart, each is read in page order from an
 * index and stops at the page's end: the first is a range of the timeline index; the second
 * needs the multi-day developments spanning `from` alone (developments_ongoing_idx, whose
 * predicate `occurred_end > occurred_on` is repeated so that PostgreSQL uses it). As one
 * condition, `occurred_end >= from`, every development before `from` was read and dropped.
 */
function windowsReaching(from: string): string[][] {
  return [
    [`occurred_on >= ${from}::date`],
    [
      `occurred_on < ${from}::date`,
      'occurred_end > occurred_on',
      `daterange(occurred_on, occurred_end, '[]') @> ${from}::date`,
    ],
  ];
}
