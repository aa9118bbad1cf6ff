import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import type { SqlExecutor } from '../projections/projection';
import type { StatementRecord } from '../positions/compute-positions';
import { queryParameters } from '../sql/query-parameters';

interface StatementRecordRow {
  development_id: string;
  statement_index: number;
  actor_id: string;
  topic: string;
  stance: StatementRecord['stance'];
  quote: string | null;
  summary: string | null;
  occurred_on: string;
  sequence: string;
}

export type ActorStatementRecord = StatementRecord & { actorId: string };

/**
 * Every statement matching the filters (occurredOn <= asOf when given), as the rules in
 * compute-positions.ts take them: what the SQL position queries are checked against.
 */
export async function readStatementRecords(
  sql: SqlExecutor,
  filter: { actorId?: string; topic?: string; asOf?: string },
  options: { withText: boolean } = { withText: true },
): Promise<ActorStatementRecord[]> {
  if (filter.actorId === undefined && filter.topic === undefined) {
    throw new Error('statements are read for an actor or a topic');
  }
  const conditions: string[] = [];
  const { values: parameters, bind } = queryParameters();
  if (filter.actorId !== undefined) conditions.push(`actor_id = ${bind(filter.actorId)}`);
  if (filter.topic !== undefined) conditions.push(`topic = ${bind(filter.topic)}`);
  if (filter.asOf !== undefined) conditions.push(`occurred_on <= ${bind(filter.asOf)}::date`);
  const rows = await sql.query<StatementRecordRow>(
    `SELECT development_id, statement_index, actor_id, topic, stance,
            ${options.withText ? 'quote, summary' : 'NULL AS quote, NULL AS summary'},
            occurred_on::text AS occurred_on, sequence
       FROM ${READ_MODEL_SCHEMA}.statements
      WHERE ${conditions.join(' AND ')}
      ORDER BY actor_id, topic, statements.occurred_on, sequence, statement_index`,
    parameters,
  );
  return rows.map((row) => ({
    developmentId: row.development_id,
    statementIndex: row.statement_index,
    actorId: row.actor_id,
    topic: row.topic,
    stance: row.stance,
    quote: row.quote,
    summary: row.summary,
    occurredOn: row.occurred_on,
    sequence: Number(row.sequence),
  }));
}
