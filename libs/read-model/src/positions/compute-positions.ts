// The position rules of API.md as plain functions over an actor's statements. The queries
// in query-positions.ts compute the same in SQL and are checked against these.

import type { Position, Stance } from '@app/contracts';

/** A statement of one actor, as the position rules need it. */
export interface StatementRecord {
  developmentId: string;
  statementIndex: number;
  topic: string;
  stance: Stance;
  quote: string | null;
  summary: string | null;
  occurredOn: string;
  /** Sequence of the development's first event: the later-recorded wins a tie. */
  sequence: number;
}

export interface PositionOptions {
  /** Only statements with occurredOn <= asOf count. */
  asOf?: string;
  /** How many of the latest statements `history` holds. */
  historyLimit: number;
}

/** Story order: by occurredOn, then by recording order, then by place in the development. */
export function chronologically(a: StatementRecord, b: StatementRecord): number {
  if (a.occurredOn !== b.occurredOn) return a.occurredOn < b.occurredOn ? -1 : 1;
  if (a.sequence !== b.sequence) return a.sequence - b.sequence;
  return a.statementIndex - b.statementIndex;
}

/**
 * An actor's position on one topic from its statements on it, in any order:
 * - the current stance is that of the statement with the latest occurredOn (ties: the
 *   later-recorded), so a development recorded late about an earlier date never overrides
 *   a newer position;
 * - `since` is the occurredOn of the first statement of the unbroken run of that stance;
 * - null when no statement is on or before `asOf`.
 */
export function positionOf(
  statements: readonly StatementRecord[],
  options: PositionOptions,
): Position | null {
  const { asOf, historyLimit } = options;
  const considered = statements
    .filter((statement) => asOf === undefined || statement.occurredOn <= asOf)
    .sort(chronologically);
  const current = considered[considered.length - 1];
  if (!current) return null;
  let runStart = considered.length - 1;
  while (runStart > 0 && considered[runStart - 1].stance === current.stance) runStart--;
  return {
    topic: current.topic,
    stance: current.stance,
    since: considered[runStart].occurredOn,
    quote: current.quote,
    developmentId: current.developmentId,
    history: considered.slice(Math.max(0, considered.length - historyLimit)).map((statement) => ({
      occurredOn: statement.occurredOn,
      stance: statement.stance,
      quote: statement.quote,
      summary: statement.summary,
      developmentId: statement.developmentId,
    })),
  };
}

/** One position per topic an actor has spoken on, ordered by topic. */
export function positionsByTopic(
  statements: readonly StatementRecord[],
  options: PositionOptions,
): Position[] {
  const byTopic = new Map<string, StatementRecord[]>();
  for (const statement of statements) {
    const series = byTopic.get(statement.topic) ?? [];
    series.push(statement);
    byTopic.set(statement.topic, series);
  }
  return [...byTopic.keys()]
    .sort()
    .map((topic) => positionOf(byTopic.get(topic)!, options))
    .filter((position): position is Position => position !== null);
}
