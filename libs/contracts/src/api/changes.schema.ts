import { z } from 'zod';
import { ACTOR_MERGED } from '../events/actor-merged';
import { ACTOR_UNMERGED } from '../events/actor-unmerged';
import { eventTypeSchema } from './development-view.schema';
import {
  calendarDate,
  idSlug,
  logSequence,
  stance,
  timestamp,
  topicSlug,
  uuid,
} from './common.schema';

/** Where an actor stood on a topic: its current stance and the day that stance began. */
const positionStateSchema = z
  .strictObject({ stance, since: calendarDate })
  .meta({ id: 'PositionState' });

export type PositionState = z.infer<typeof positionStateSchema>;

/** One (actor, topic) whose position one event moved. */
export const positionChangeSchema = z
  .strictObject({
    sequence: logSequence.describe('The log sequence of the event that moved the position.'),
    recordedAt: timestamp.describe('When the event was recorded.'),
    recordedBy: z
      .string()
      .nullable()
      .describe('The principal whose request recorded the event; null when writes were open.'),
    eventType: z
      .enum([...eventTypeSchema.options, ACTOR_MERGED, ACTOR_UNMERGED])
      .describe('The event that moved the position.'),
    developmentId: uuid
      .nullable()
      .describe('The development the event is about; null for a merge or an unmerge.'),
    actor: z
      .strictObject({ id: idSlug, name: z.string() })
      .describe('The canonical actor, as merges stood after the event, and its name then.'),
    topic: topicSlug,
    before: positionStateSchema
      .nullable()
      .describe('The position just before the event (`knownAt=sequence-1`); null if none.'),
    after: positionStateSchema
      .nullable()
      .describe('The position just after the event (`knownAt=sequence`); null if none.'),
  })
  .meta({ id: 'PositionChange' });

export type PositionChange = z.infer<typeof positionChangeSchema>;

export const positionChangePageSchema = z
  .strictObject({
    items: z.array(positionChangeSchema),
    nextCursor: z
      .string()
      .nullable()
      .describe('The `cursor` of the next page; null on the last page.'),
  })
  .meta({ id: 'PositionChangePage' });

export type PositionChangePage = z.infer<typeof positionChangePageSchema>;
