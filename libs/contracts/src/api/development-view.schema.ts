import { z } from 'zod';
import { NEWS_EVENT_CORRECTED, NEWS_EVENT_RECORDED, NEWS_EVENT_RETRACTED } from '../events';
import {
  calendarDate,
  idSlug,
  logSequence,
  pageOf,
  stance,
  timestamp,
  topicSlug,
  uuid,
} from './common.schema';

export const eventTypeSchema = z.enum([
  NEWS_EVENT_RECORDED,
  NEWS_EVENT_CORRECTED,
  NEWS_EVENT_RETRACTED,
]);

const actorSchema = z.strictObject({
  id: idSlug,
  name: z.string(),
  affiliation: idSlug.optional(),
});

const statementSchema = z.strictObject({
  actor: idSlug.describe("The id of one of the development's actors."),
  topic: topicSlug,
  stance,
  quote: z.string().optional(),
  summary: z.string().optional(),
});

const sourceSchema = z.strictObject({
  name: z.string().optional(),
  url: z.string().optional(),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
});

/** A development as the query API returns it. */
export const developmentViewSchema = z
  .strictObject({
    developmentId: uuid,
    occurredOn: calendarDate,
    occurredUntil: calendarDate.describe('The last day; the same as occurredOn for one day.'),
    title: z.string(),
    body: z.string().optional(),
    location: z.string().optional(),
    topics: z.array(topicSlug),
    actors: z.array(actorSchema),
    statements: z.array(statementSchema),
    source: sourceSchema.optional(),
    revision: z.int().min(1).describe('1 + the number of corrections; the ETag, for If-Match.'),
    recordedAt: timestamp,
    sequence: logSequence.describe("The log sequence of the development's first event."),
    lastSequence: logSequence.describe("The log sequence of the development's latest event."),
    retracted: z
      .strictObject({ reason: z.string(), sequence: logSequence })
      .optional()
      .describe('Only on retracted developments (includeRetracted=true).'),
  })
  .meta({
    id: 'Development',
    description:
      'The input shape with ids filled in: every actor has an id and every actor and topic a statement names is listed.',
  });

export type DevelopmentView = z.infer<typeof developmentViewSchema>;

export const timelinePageSchema = pageOf(developmentViewSchema).meta({
  id: 'TimelinePage',
  description: 'Developments by occurredOn, then by the sequence of their first event.',
});

export type TimelinePage = z.infer<typeof timelinePageSchema>;

export const developmentHistoryEntrySchema = z.strictObject({
  type: eventTypeSchema,
  eventId: uuid,
  sequence: logSequence,
  recordedAt: timestamp,
  recordedBy: z
    .string()
    .nullable()
    .describe(
      'The name of the principal whose request recorded the event; null when writes were open, and for events written before events named anyone.',
    ),
});

export type DevelopmentHistoryEntry = z.infer<typeof developmentHistoryEntrySchema>;

export const developmentWithHistorySchema = developmentViewSchema
  .extend({
    history: z
      .array(developmentHistoryEntrySchema)
      .describe("The development's events, in log order."),
  })
  .meta({
    id: 'DevelopmentWithHistory',
    description: 'One development in its current state, with every event that made it.',
  });

export type DevelopmentWithHistory = z.infer<typeof developmentWithHistorySchema>;
