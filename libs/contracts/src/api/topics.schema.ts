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

export const topicPageSchema = pageOf(topicViewSchema).meta({ id: 'TopicPage' });

export const topicPositionsSchema = z
  .strictObject({
    topic: topicSlug,
    positions: z.array(
      z.strictObject({
        actor: z.strictObject({ id: idSlug, name: z.string() }),
        stance,
        since: calendarDate,
        developmentId: uuid,
      }),
    ),
  })
  .meta({
    id: 'TopicPositions',
    description: 'The current stance of every actor that has one on the topic, by actor name.',
  });
