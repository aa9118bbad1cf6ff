import { z } from 'zod';
import { calendarDate, count, idSlug, pageOf, stance, topicSlug, uuid } from './common.schema';

export const topicViewSchema = z
  .strictObject({
    topic: topicSlug,
    developments: count,
    statements: count,
    firstSeenOn: calendarDate,
    lastSeenOn: calendarDate,
  })
  .meta({ id: 'Topic' });

export type TopicView = z.infer<typeof topicViewSchema>;

export const topicPageSchema = pageOf(topicViewSchema).meta({ id: 'TopicPage' });

export type TopicPage = z.infer<typeof topicPageSchema>;

const topicPositionSchema = z.strictObject({
  actor: z.strictObject({ id: idSlug, name: z.string() }),
  stance,
  since: calendarDate,
  developmentId: uuid,
});

/** One actor's current stance on a topic. */
export type TopicPosition = z.infer<typeof topicPositionSchema>;

export const topicPositionsSchema = z
  .strictObject({
    topic: topicSlug,
    positions: z.array(topicPositionSchema),
  })
  .meta({
    id: 'TopicPositions',
    description: 'The current stance of every actor that has one on the topic, by actor name.',
  });

export type TopicPositions = z.infer<typeof topicPositionsSchema>;
