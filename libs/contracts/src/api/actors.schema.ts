import { z } from 'zod';
import { calendarDate, count, idSlug, pageOf, stance, topicSlug, uuid } from './common.schema';

export const actorViewSchema = z
  .strictObject({
    id: idSlug,
    name: z.string().describe('The latest name a development gave the actor.'),
    affiliation: idSlug.nullable(),
    developments: count,
    statements: count,
    firstSeenOn: calendarDate,
    lastSeenOn: calendarDate,
  })
  .meta({ id: 'Actor' });

export const actorPageSchema = pageOf(actorViewSchema).meta({ id: 'ActorPage' });

const positionHistoryEntrySchema = z.strictObject({
  occurredOn: calendarDate,
  stance,
  quote: z.string().nullable(),
  summary: z.string().nullable(),
  developmentId: uuid,
});

export const positionSchema = z
  .strictObject({
    topic: topicSlug,
    stance: stance.describe('The stance of the statement with the latest occurredOn.'),
    since: calendarDate.describe('The first day of the unbroken run of that stance.'),
    quote: z.string().nullable(),
    developmentId: uuid,
    history: z
      .array(positionHistoryEntrySchema)
      .describe('The latest `historyLimit` statements, by occurredOn.'),
  })
  .meta({ id: 'Position', description: "An actor's stance on one topic." });

export const actorPositionsSchema = z
  .strictObject({ actor: actorViewSchema, positions: z.array(positionSchema) })
  .meta({ id: 'ActorPositions' });
