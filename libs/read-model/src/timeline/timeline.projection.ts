import { developmentChanges } from '../projections/development-changes';
import type { Projection } from '../projections/projection';
import { developmentEventRows, developmentUpdateRows, newDevelopmentRows } from './timeline-rows';

/**
 * Developments in their current state and every earlier version (developments_history), and
 * every development's history of events.
 */
export const timelineProjection: Projection = {
  name: 'timeline',
  tables: ['developments', 'developments_history', 'development_events'],
  handle(events, sql) {
    const changes = developmentChanges(events);
    const created = newDevelopmentRows(changes);
    if (created.length > 0) {
      sql.send(
        `INSERT INTO developments
           (development_id, sequence, last_sequence, revision, occurred_on, occurred_end,
            recorded_at, topics, actor_ids, document, retracted)
         SELECT r.development_id, r.sequence, r.last_sequence, r.revision, r.occurred_on,
                r.occurred_end, r.recorded_at, r.topics, r.actor_ids, r.document, r.retracted
           FROM jsonb_to_recordset($1::jsonb) AS r(
             development_id uuid, sequence bigint, last_sequence bigint, revision integer,
             occurred_on date, occurred_end date, recorded_at timestamptz, topics text[],
             actor_ids text[], document jsonb, retracted jsonb)
         ON CONFLICT (development_id) DO NOTHING`,
        [JSON.stringify(created)],
      );
    }
    const updated = developmentUpdateRows(changes);
    if (updated.length > 0) {
      // The version each event supersedes is kept, closed at that event's sequence.
      sql.send(
        `WITH r AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
             development_id uuid, last_sequence bigint, revision integer, occurred_on date,
             occurred_end date, topics text[], actor_ids text[], document jsonb, retracted jsonb)),
         archived AS (
           INSERT INTO developments_history
             (development_id, sequence, last_sequence, valid_to, revision, occurred_on,
              occurred_end, recorded_at, topics, actor_ids, document, retracted)
           SELECT d.development_id, d.sequence, d.last_sequence, r.last_sequence, d.revision,
                  d.occurred_on, d.occurred_end, d.recorded_at, d.topics, d.actor_ids, d.document,
                  d.retracted
             FROM developments d JOIN r USING (development_id))
         UPDATE developments d SET
           last_sequence = r.last_sequence,
           revision = coalesce(r.revision, d.revision),
           occurred_on = coalesce(r.occurred_on, d.occurred_on),
           occurred_end = coalesce(r.occurred_end, d.occurred_end),
           topics = coalesce(r.topics, d.topics),
           actor_ids = coalesce(r.actor_ids, d.actor_ids),
           document = coalesce(r.document, d.document),
           retracted = coalesce(r.retracted, d.retracted)
         FROM r WHERE d.development_id = r.development_id`,
        [JSON.stringify(updated)],
      );
    }
    sql.send(
      `INSERT INTO development_events
         (sequence, development_id, type, event_id, recorded_at, recorded_by)
       SELECT r.sequence, r.development_id, r.type, r.event_id, r.recorded_at, r.recorded_by
         FROM jsonb_to_recordset($1::jsonb) AS r(
           sequence bigint, development_id uuid, type text, event_id uuid,
           recorded_at timestamptz, recorded_by text)
       ON CONFLICT (sequence) DO NOTHING`,
      [JSON.stringify(developmentEventRows(events))],
    );
  },
};
