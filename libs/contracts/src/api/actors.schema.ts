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

export type ActorView = z.infer<typeof actorViewSchema>;

export const actorPageSchema = pageOf(actorViewSchema).meta({ id: 'ActorPage' });

export type ActorPage = z.infer<typeof actorPageSchema>;

export const actorDetailSchema = actorViewSchema
  .extend({
    aliases: z
      .array(
        z.strictObject({
          id: idSlug,
          name: z.string().describe('The latest name its own developments gave it (else its id).'),
        }),
      )
      .describe('The actors merged into this one.'),
    mergedFrom: idSlug.optional().describe('The id asked for, when it was merged into this actor.'),
  })
  .meta({
    id: 'ActorDetail',
    description:
      'One actor, counting the developments and statements of the actors merged into it.',
  });

export type ActorDetail = z.infer<typeof actorDetailSchema>;

const similarity = {
  score: z.number().min(0).max(1).describe('How likely the two are one actor.'),
  reasons: z
    .array(z.string())
    .describe(
      'What the score rests on: `same-name`, `transliteration`, `diacritics`, ' +
        '`spelling-variant`, `surname`, `article`, `patronymic`, `initial`, `affiliation`, ...',
    ),
};

const actorCandidateSchema = z.strictObject({
  actor: actorViewSchema,
  ...similarity,
  likely: z.boolean().describe('true: probably the same actor; worth a merge.'),
});

export type ActorCandidate = z.infer<typeof actorCandidateSchema>;

export const similarActorsSchema = z
  .strictObject({
    actor: actorDetailSchema,
    candidates: z
      .array(actorCandidateSchema)
      .describe('Best first; never an actor already merged with this one.'),
  })
  .meta({ id: 'SimilarActors' });

export type SimilarActors = z.infer<typeof similarActorsSchema>;

const duplicatePairSchema = z.strictObject({
  actors: z.tuple([actorViewSchema, actorViewSchema]),
  ...similarity,
});

/** Two actors that are probably one. */
export type DuplicatePair = z.infer<typeof duplicatePairSchema>;

export const duplicatePairPageSchema = pageOf(duplicatePairSchema).meta({
  id: 'DuplicatePairPage',
  description: 'Likely duplicates, best first.',
});

export type DuplicatePairPage = z.infer<typeof duplicatePairPageSchema>;

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

export type Position = z.infer<typeof positionSchema>;

export const actorPositionsSchema = z
  .strictObject({ actor: actorDetailSchema, positions: z.array(positionSchema) })
  .meta({ id: 'ActorPositions' });

export type ActorPositions = z.infer<typeof actorPositionsSchema>;
