import type { Projection } from '../projections/projection';
import { developmentEventRows, recordedDevelopmentRows } from './timeline-rows';

/** Developments in their current state, and every development's history of events. */
export const timelineProjection: Projection = {
  name: 'timeline',
  tables: ['developments', 'development_events'],
  async handle(events, sql) {
    const developments = recordedDevelopmentRows(events);
    if (developments.length > 0) {
      await sql.query(
        `INSERT INTO developments
           (development_id, sequence, last_sequence, revision, occurred_on, occurred_end,
            recorded_at, topics, actor_ids, document)
         SELECT r.development_id, r.sequence, r.sequence, 1, r.occurred_on, r.occurred_end,
                r.recorded_at, r.topics, r.actor_ids, r.document
           FROM jsonb_to_recordset($1::jsonb) AS r(
             development_id uuid, sequence bigint, occurred_on date, occurred_end date,
             recorded_at timestamptz, topics text[], actor_ids text[], document jsonb)
         ON CONFLICT (development_id) DO NOTHING`,
        [JSON.stringify(developments)],
      );
    }
    await sql.query(
      `INSERT INTO development_events (sequence, development_id, type, event_id, recorded_at)
       SELECT r.sequence, r.development_id, r.type, r.event_id, r.recorded_at
         FROM jsonb_to_recordset($1::jsonb) AS r(
           sequence bigint, development_id uuid, type text, event_id uuid, recorded_at timestamptz)
       ON CONFLICT (sequence) DO NOTHING`,
      [JSON.stringify(developmentEventRows(events))],
    );
  },
};
