import { z } from 'zod';
import { isCalendarDate, isDateInRange, MAX_DATE, MIN_DATE } from './dates';
import { isIdSlug, TOPIC_SLUG } from './slug';
import { codePointLength, isStorableText } from './text';

export const STANCES = ['support', 'oppose', 'conditional', 'neutral'] as const;
export type Stance = (typeof STANCES)[number];

const text = (max: number, min = 0) =>
  z
    .string()
    .refine(isStorableText, 'must not contain U+0000 or an unpaired surrogate')
    .refine((value) => codePointLength(value.trim()) <= max, `must be at most ${max} characters`)
    .refine((value) => codePointLength(value.trim()) >= min, `must not be empty`);

const date = z
  .string()
  .refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD that exists')
  .refine(isDateInRange, `must be between ${MIN_DATE} and ${MAX_DATE}`);

const topic = z
  .string()
  .max(64, 'must be at most 64 characters')
  .regex(TOPIC_SLUG, 'must be a slug: lowercase a-z, 0-9 and single hyphens');

const idSlug = z
  .string()
  .max(200, 'must be at most 200 characters')
  .refine(isIdSlug, 'must be a slug: lowercase letters, digits and single hyphens');

const httpUrl = z.string().refine((value) => {
  if (!isStorableText(value) || value.length > 2000) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}, 'must be an http or https URL');

export const actorInputSchema = z.strictObject({
  name: text(200, 1),
  id: idSlug.optional(),
  affiliation: idSlug.optional(),
});

export const statementInputSchema = z.strictObject({
  actor: text(200, 1),
  topic,
  stance: z.enum(STANCES, { error: `must be one of ${STANCES.join(', ')}` }),
  quote: text(2000).optional(),
  summary: text(2000).optional(),
});

export const sourceSchema = z.strictObject({
  name: text(200).optional(),
  url: httpUrl.optional(),
  publishedAt: z.iso
    .datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset' })
    .optional(),
});

const developmentFields = {
  occurredOn: date,
  occurredUntil: date.optional(),
  title: text(300, 1),
  body: text(20_000).optional(),
  location: text(200).optional(),
  topics: z.array(topic).max(20, 'must hold at most 20 topics').optional(),
  actors: z.array(actorInputSchema).max(50, 'must hold at most 50 actors').optional(),
  statements: z.array(statementInputSchema).max(50, 'must hold at most 50 statements').optional(),
  source: sourceSchema.optional(),
};

/** The development as a client sends it (API.md, "The development (input)"). */
export const developmentInputSchema = z
  .strictObject(developmentFields)
  .refine(
    ({ occurredOn, occurredUntil }) => occurredUntil === undefined || occurredUntil >= occurredOn,
    {
      path: ['occurredUntil'],
      message: 'must not be before occurredOn',
      // Checked whenever both dates are valid, even if other fields are not, so that
      // every problem is reported at once.
      when: ({ value }) => {
        const dates = value as { occurredOn?: unknown; occurredUntil?: unknown };
        return isValidDate(dates.occurredOn) && isValidDate(dates.occurredUntil);
      },
    },
  );

/**
 * A correction: any non-empty subset of the development's fields, each by the same rules.
 * Whether the corrected development as a whole is valid is checked after merging.
 */
export const developmentChangesSchema = z
  .strictObject(developmentFields)
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, {
    message: 'must change at least one field',
  });

/** The most topics and actors the log's reader accepts; repeated corrections must not grow past them. */
export const MAX_RECORDED_TOPICS = 70;
export const MAX_RECORDED_ACTORS = 100;

const recordedActorSchema = z.object({
  id: idSlug,
  name: text(200, 1),
  affiliation: idSlug.optional(),
});

const recordedStatementSchema = z.object({
  /** Always the id of one of the development's actors. */
  actor: idSlug,
  topic,
  stance: z.enum(STANCES),
  quote: text(2000).optional(),
  summary: text(2000).optional(),
});

/**
 * A development as the log holds it: the input with ids filled in, duplicates removed, and
 * every actor and topic a statement names present in `actors` and `topics`; text is kept
 * exactly as sent. Checked again when read back, so that nothing the projector stores can
 * break a read model. Unknown fields are dropped.
 */
export const recordedDevelopmentSchema = z
  .object({
    occurredOn: date,
    /** The last day of the development's period; the same as occurredOn for a single day. */
    occurredUntil: date,
    title: text(300, 1),
    body: text(20_000).optional(),
    location: text(200).optional(),
    topics: z.array(topic).max(MAX_RECORDED_TOPICS),
    actors: z.array(recordedActorSchema).max(MAX_RECORDED_ACTORS),
    statements: z.array(recordedStatementSchema).max(50),
    source: z
      .object({
        name: text(200).optional(),
        url: httpUrl.optional(),
        publishedAt: z.iso.datetime({ offset: true }).optional(),
      })
      .optional(),
  })
  .refine(({ occurredOn, occurredUntil }) => occurredUntil >= occurredOn, {
    path: ['occurredUntil'],
    message: 'must not be before occurredOn',
  })
  .refine(
    ({ actors, statements }) =>
      statements.every((statement) => actors.some((actor) => actor.id === statement.actor)),
    { path: ['statements'], message: "must name only the development's actors" },
  );

function isValidDate(value: unknown): value is string {
  return typeof value === 'string' && isCalendarDate(value) && isDateInRange(value);
}

export type DevelopmentInput = z.infer<typeof developmentInputSchema>;
export type ActorInput = z.infer<typeof actorInputSchema>;
export type StatementInput = z.infer<typeof statementInputSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type DevelopmentChanges = z.infer<typeof developmentChangesSchema>;
