import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import type { SqlExecutor } from '../projections/projection';
import {
  DEVELOPMENT_VIEW_COLUMNS,
  DevelopmentView,
  DevelopmentViewRow,
  toDevelopmentView,
} from './development-view';
import { encodeTimelineCursor, TimelineCursor } from './timeline-cursor';
import { queryParameters } from '../sql/query-parameters';

export interface TimelineQuery {
  from?: string;
  to?: string;
  /** Developments involving any of these actors. */
  actors?: string[];
  /** Developments about any of these topics. */
  topics?: string[];
  /** Full-text search in title and body (web-search syntax: words, "phrases", -exclusions, or). */
  text?: string;
  /** Retracted developments are left out unless asked for. */
  includeRetracted?: boolean;
  order: 'asc' | 'desc';
  limit: number;
  after?: TimelineCursor;
}

export interface TimelinePage {
  items: DevelopmentView[];
  nextCursor: string | null;
}

/**
 * Developments whose [occurredOn, occurredUntil] window overlaps [from, to], ordered by
 * occurredOn then by the sequence of their first event; keyset-paginated.
 */
export async function queryTimeline(sql: SqlExecutor, query: TimelineQuery): Promise<TimelinePage> {
  const conditions: string[] = [];
  const { values: parameters, bind } = queryParameters();
  if (!query.includeRetracted) conditions.push('retracted IS NULL');
  if (query.from) conditions.push(`occurred_end >= ${bind(query.from)}::date`);
  if (query.to) conditions.push(`occurred_on <= ${bind(query.to)}::date`);
  if (query.actors?.length) conditions.push(`actor_ids && ${bind(query.actors)}::text[]`);
  if (query.topics?.length) conditions.push(`topics && ${bind(query.topics)}::text[]`);
  if (query.text) {
    const text = bind(query.text);
    conditions.push(`search @@ websearch_to_tsquery('russian', ${text})`);
  }
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  if (query.after) {
    const comparison = query.order === 'desc' ? '<' : '>';
    conditions.push(
      `(occurred_on, sequence) ${comparison} (${bind(query.after.occurredOn)}::date, ${bind(query.after.sequence)}::bigint)`,
    );
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = await sql.query<DevelopmentViewRow>(
    `SELECT ${DEVELOPMENT_VIEW_COLUMNS} FROM ${READ_MODEL_SCHEMA}.developments ${where}
      ORDER BY occurred_on ${direction}, sequence ${direction} LIMIT ${bind(query.limit + 1)}`,
    parameters,
  );
  const items = rows.slice(0, query.limit).map(toDevelopmentView);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > query.limit && last
      ? encodeTimelineCursor({
          occurredOn: last.occurredOn,
          sequence: last.sequence,
          order: query.order,
        })
      : null;
  return { items, nextCursor };
}
