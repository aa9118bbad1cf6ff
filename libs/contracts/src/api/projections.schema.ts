import { z } from 'zod';
import { count, timestamp } from './common.schema';

const rebuildId = z.string().describe('Follow it at GET /v1/rebuilds/{rebuildId}.');

const rebuildProgressSchema = z.strictObject({
  rebuildId,
  position: count.describe('The last log sequence applied to the new copy.'),
  head: count,
  eventsPerSecond: count,
  startedAt: timestamp,
});

export const projectionStatusSchema = z
  .strictObject({
    name: z.string().describe('`timeline` or `positions`.'),
    status: z.enum(['live', 'rebuilding', 'stalled']),
    position: count.describe('The last log sequence applied.'),
    head: count.describe("The log's last sequence."),
    lag: count.describe('Events in the log not applied yet.'),
    rebuild: rebuildProgressSchema.nullable().describe('The rebuild under way, if any.'),
    error: z.string().nullable().describe('Why the projection is stalled.'),
    deadLetters: count.describe('Events set aside in the dead-letter stream.'),
    lease: z
      .enum(['held', 'waiting'])
      .describe('`waiting` on a standby projector while another one consumes.'),
    instance: z.string().describe('This projector process (`host:pid`).'),
    activeInstance: z
      .string()
      .nullable()
      .describe('The projector process applying events to this database; null while none is.'),
  })
  .meta({ id: 'ProjectionStatus', description: 'Where a projection stands against the log.' });

export type ProjectionStatus = z.infer<typeof projectionStatusSchema>;

export const projectionStatusListSchema = z.array(projectionStatusSchema);

export const rebuildStartedSchema = z.strictObject({ rebuildId }).meta({ id: 'RebuildStarted' });

export const rebuildStateSchema = z
  .strictObject({
    rebuildId,
    projections: z.array(z.string()),
    status: z.enum(['running', 'succeeded', 'failed']),
    position: count.describe('The last log sequence applied to the new copy.'),
    head: count.describe("The log's last sequence when last looked at."),
    eventsPerSecond: count,
    startedAt: timestamp,
    finishedAt: timestamp.nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'Rebuild', description: 'A rebuild of projections from the log.' });

export type RebuildState = z.infer<typeof rebuildStateSchema>;
