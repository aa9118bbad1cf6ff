import type { ActorPositions, TimelinePage } from '@app/contracts';
import type { SqlExecutor } from '../projections/projection';
import { queryActorPositionsJson } from '../positions/query-positions';
import { queryTimelineJson, TimelineQuery } from '../timeline/query-timeline';

/** The timeline page the API would send, parsed. */
export async function queryTimeline(sql: SqlExecutor, query: TimelineQuery): Promise<TimelinePage> {
  return JSON.parse(await queryTimelineJson(sql, query)) as TimelinePage;
}

/** An actor's positions as the API would send them, parsed; null for an unknown actor. */
export async function queryActorPositions(
  sql: SqlExecutor,
  actorId: string,
  options: { topic?: string; asOf?: string; historyLimit: number },
): Promise<ActorPositions | null> {
  const json = await queryActorPositionsJson(sql, actorId, options);
  return json === null ? null : (JSON.parse(json) as ActorPositions);
}
