import { z } from 'zod';

/** A log sequence, as `Last-Event-ID` and `lastEventId` carry it. */
export const resumeAfterSchema = z.string().regex(/^\d{1,15}$/);

export const streamQuerySchema = z.strictObject({ lastEventId: resumeAfterSchema.optional() });

export const STREAM_DESCRIPTION = [
  'A Server-Sent Events stream (`text/event-stream`) of developments as the live projection',
  'applies their events, in log order. It starts with `retry: 2000`; then each event is one',
  'message:',
  '',
  '```',
  'id: <sequence>',
  'event: development',
  'data: {"type": "NewsEventRecorded", "sequence": <sequence>, "development": {…}}',
  '```',
  '',
  '`data` is one line of JSON (the `DevelopmentStreamEvent` schema): the event type, its log',
  'sequence and the development as it stands after it. Comment lines (`: keep-alive`) come',
  'every 15 s. To resume, reconnect with `Last-Event-ID: <the last id received>` (browsers do',
  'it by themselves) or `?lastEventId=`: what was missed comes first, then live events, each',
  'exactly once. Without either, the stream starts with live events only.',
].join('\n');
