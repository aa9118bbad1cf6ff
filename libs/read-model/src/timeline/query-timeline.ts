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
 * A full-text search that matches at most this many developments reads them all from the
 * search index and sorts them; one that matches more walks the timeline in order until the
 * page is full. PostgreSQL's own choice between the two rests on an estimate that can be off
 * by thousands of times (a rare word together with a common one: it walks a million
 * developments for one match), so the matches are counted first, up to this bound.
 */
export const FEW_MATCHES = 10000;

/**
 * Developments whose [occurredOn, occurredUntil] window overlaps [from, to], ordered by
 * occurredOn then by the sequence of their first event; keyset-paginated. The page as the
 * API sends it, as JSON text: `JSON.stringify` of the TimelinePage, put together from each
 * document's stored JSON without parsing it.
 */
export async function queryTimelineJson(
  sql: SqlExecutor,
  query: TimelineQuery,
  { fewMatches = FEW_MATCHES }: { fewMatches?: number } = {},
): Promise<string> {
  const relations = query.relations ?? CURRENT_RELATIONS;
  const actors = query.actors?.length
    ? await sameActorIds(sql, query.actors, relations)
    : undefined;
  const asked = { ...query, actors, relations };
  const sortMatches = query.text
    ? (await countMatches(sql, asked, fewMatches)) < fewMatches
    : false;
  const { text, values } = timelinePageSql(asked, sortMatches);
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

type RelationsQuery = TimelineQuery & { relations: ReadModelRelations };

/** The conditions every row of the page meets but its date window. */
function pageConditions(query: RelationsQuery, bind: (value: unknown) => string): string[] {
  const conditions: string[] = [];
  if (!query.includeRetracted) conditions.push('retracted IS NULL');
  if (query.to) conditions.push(`occurred_on <= ${bind(query.to)}::date`);
  if (query.actors?.length) conditions.push(`actor_ids && ${bind(query.actors)}::text[]`);
  if (query.topics?.length) conditions.push(`topics && ${bind(query.topics)}::text[]`);
  if (query.text) {
    const text = bind(canonicalText(query.text));
    conditions.push(`search @@ websearch_to_tsquery('russian', ${text})`);
  }
  if (query.after) {
    const comparison = query.order === 'desc' ? '<' : '>';
    conditions.push(
      `(occurred_on, sequence) ${comparison} (${bind(query.after.occurredOn)}::date, ${bind(query.after.sequence)}::bigint)`,
    );
  }
  return conditions;
}

/** How many developments the page's conditions match, counted up to `bound`. */
async function countMatches(sql: SqlExecutor, query: RelationsQuery, bound: number) {
  const { values, bind } = queryParameters(query.relations.parameters);
  const conditions = pageConditions(query, bind);
  const [{ matches }] = await sql.query<{ matches: number }>(
    `SELECT count(*)::int AS matches FROM (
       SELECT 1 FROM ${query.relations.developments} developments
        WHERE ${conditions.join(' AND ')} LIMIT ${bind(bound)}) matching`,
    values,
  );
  return matches;
}

/**
 * One page and the row after it (whether there is a next page), with occurredOn as text;
 * `sortMatches`: the matching rows are read whole and sorted, not taken from the timeline
 * index in order.
 */
function timelinePageSql(
  query: RelationsQuery,
  sortMatches = false,
): {
  text: string;
  values: unknown[];
} {
  const { values, bind } = queryParameters(query.relations.parameters);
  const conditions = pageConditions(query, bind);
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  const limit = bind(query.limit + 1);
  const page = `ORDER BY occurred_on ${direction}, sequence ${direction} LIMIT ${limit}`;
  // The same order, in a form no index provides.
  const partOrder = sortMatches
    ? `ORDER BY occurred_on + 0 ${direction}, sequence + 0 ${direction} LIMIT ${limit}`
    : page;
  const part = (window: string[]) => {
    const where = [...conditions, ...window];
    return `(SELECT ${DEVELOPMENT_JSON_COLUMNS}, occurred_on, actor_ids FROM ${query.relations.developments} developments
              ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ${partOrder})`;
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
