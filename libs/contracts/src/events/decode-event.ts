import { z } from 'zod';
import { NEWS_EVENT_RECORDED, NewsEventRecorded } from './news-event-recorded';

const developmentSchema = z.looseObject({
  occurredOn: z.string(),
  title: z.string(),
  topics: z.array(z.string()),
  actors: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  statements: z.array(z.looseObject({ actor: z.string(), topic: z.string(), stance: z.string() })),
});

const recordedSchema = z.looseObject({
  eventId: z.uuid(),
  type: z.literal(NEWS_EVENT_RECORDED),
  schemaVersion: z.literal(1),
  recordedAt: z.iso.datetime({ offset: true }),
  correlationId: z.string(),
  causationId: z.string().nullable(),
  data: z.looseObject({
    developmentId: z.uuid(),
    idempotencyKey: z.string(),
    development: developmentSchema,
  }),
});

export type NewsEvent = NewsEventRecorded;

export class UndecodableEventError extends Error {}

/** Turns the bytes of a log message into a known event, or says why it cannot. */
export function decodeEvent(payload: Uint8Array): NewsEvent {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch (error) {
    throw new UndecodableEventError(`not UTF-8 JSON: ${(error as Error).message}`);
  }
  const result = recordedSchema.safeParse(json);
  if (!result.success) {
    throw new UndecodableEventError(`not a known event: ${z.prettifyError(result.error)}`);
  }
  return result.data as unknown as NewsEvent;
}
