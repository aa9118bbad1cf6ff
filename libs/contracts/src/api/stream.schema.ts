import { z } from 'zod';
import { ACTOR_MERGED, ACTOR_UNMERGED } from '../events';
import { idSlug, logSequence } from './common.schema';
import { developmentViewSchema, eventTypeSchema } from './development-view.schema';

/** The `data` of a `development` message of the live stream. */
export const developmentStreamEventSchema = z
  .strictObject({
    type: eventTypeSchema.describe('The event that was applied.'),
    sequence: logSequence.describe("The event's log sequence; also the message's `id`."),
    development: developmentViewSchema.describe('The development as it stands after the event.'),
  })
  .meta({ id: 'DevelopmentStreamEvent' });

export type DevelopmentStreamEvent = z.infer<typeof developmentStreamEventSchema>;

/** The `data` of an `actor` message of the live stream: a merge or an unmerge applied. */
export const actorStreamEventSchema = z
  .strictObject({
    type: z.enum([ACTOR_MERGED, ACTOR_UNMERGED]),
    sequence: logSequence.describe("The event's log sequence; also the message's `id`."),
    actorId: idSlug,
    into: idSlug.optional().describe('ActorMerged: the actor it is now the same as.'),
    from: idSlug.optional().describe('ActorUnmerged: the actor it was merged into.'),
  })
  .meta({ id: 'ActorStreamEvent' });

export type ActorStreamEvent = z.infer<typeof actorStreamEventSchema>;
