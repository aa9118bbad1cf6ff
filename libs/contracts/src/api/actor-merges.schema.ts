import { z } from 'zod';
import { actorMergeSchema } from '../identity';
import { logSequence, uuid } from './common.schema';

/** What POST /v1/actors/{actorId}/merge takes. */
export const actorMergeBody = actorMergeSchema.meta({
  id: 'ActorMerge',
  description:
    'Declares that the actor in the path is `into` (an actor id; a reason of at most 2,000 ' +
    'characters may go with it). Either id may be one no development has used yet.',
});

export const actorMergeOutcomeSchema = z
  .strictObject({
    eventId: uuid,
    sequence: logSequence,
    duplicate: z
      .boolean()
      .optional()
      .describe('true: the actor was already merged into `into`; these are that merge’s ids.'),
  })
  .meta({ id: 'ActorMergeOutcome', description: 'The event a merge or unmerge appended.' });

export type ActorMergeOutcome = z.infer<typeof actorMergeOutcomeSchema>;
