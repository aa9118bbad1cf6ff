import type { DevelopmentHistoryEntry, DevelopmentWithHistory } from '@app/contracts';
import { CURRENT_RELATIONS, ReadModelRelations } from '../known-at/read-model-relations';
import { planningOnce } from '../database/read-model-queries';
import type { SqlExecutor } from '../projections/projection';
import { queryParameters } from '../sql/query-parameters';
import {
  canonicalActorIds,
  DEVELOPMENT_VIEW_COLUMNS,
  DevelopmentViewRow,
  toDevelopmentView,
} from '../timeline/development-view';

/** One development in its current state with the list of its events, or null. */
export async function getDevelopment(
  sql: SqlExecutor,
  developmentId: string,
  relations: ReadModelRelations = CURRENT_RELATIONS,
): Promise<DevelopmentWithHistory | null> {
  const byId = queryParameters(relations.parameters);
  const [row] = await planningOnce(sql).query<DevelopmentViewRow>(
    `SELECT ${DEVELOPMENT_VIEW_COLUMNS}, ${canonicalActorIds('d', relations.actorMerges)}
       FROM ${relations.developments} d WHERE development_id = ${byId.bind(developmentId)}`,
    byId.values,
  );
  if (!row) return null;
  const ofDevelopment = queryParameters(relations.parameters);
  const events = await planningOnce(sql).query<{
    type: DevelopmentHistoryEntry['type'];
    event_id: string;
    sequence: string;
    recorded_at: Date;
    recorded_by: string | null;
  }>(
    `SELECT type, event_id, sequence, recorded_at, recorded_by
       FROM ${relations.developmentEvents} e
      WHERE development_id = ${ofDevelopment.bind(developmentId)} ORDER BY sequence`,
    ofDevelopment.values,
  );
  return {
    ...toDevelopmentView(row),
    history: events.map((event) => ({
      type: event.type,
      eventId: event.event_id,
      sequence: Number(event.sequence),
      recordedAt: event.recorded_at.toISOString(),
      recordedBy: event.recorded_by,
    })),
  };
}
