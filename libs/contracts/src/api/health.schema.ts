import { z } from 'zod';

const dependencyHealthSchema = z
  .looseObject({ status: z.enum(['up', 'down']) })
  .describe('A dependency and what its check found (e.g. `message` or `error` when down).');

const dependencies = z.record(z.string(), dependencyHealthSchema);

export const healthSchema = z
  .strictObject({
    status: z.enum(['ok', 'error', 'shutting_down']),
    info: dependencies.optional().describe('The dependencies that are up.'),
    error: dependencies.optional().describe('The dependencies that are down.'),
    details: dependencies.describe('Every dependency checked.'),
  })
  .meta({
    id: 'Health',
    description:
      'NATS (`nats`); on the projector also PostgreSQL (`postgres`) and the log consumer (`consumer`).',
  });
