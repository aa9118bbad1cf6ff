import { z } from 'zod';
import { resumeAfterSchema, STREAM_DESCRIPTION } from '../openapi/stream.docs';

export const STREAM_KINDS = ['developments', 'changes'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

/** The query of `GET /v1/stream`: what to stream, and where to resume. */
export const streamKindQuerySchema = z.strictObject({
  kind: z
    .enum(STREAM_KINDS, { error: `must be one of ${STREAM_KINDS.join(', ')}` })
    .default('developments'),
  lastEventId: resumeAfterSchema.optional(),
});

export const STREAM_KIND_DESCRIPTIONS = {
  kind: '`developments`: developments as their events are applied, and merges of actors. `changes`: the position changes those events make.',
  lastEventId: 'Resume after this log sequence (when the Last-Event-ID header cannot be set).',
};

export const STREAM_WITH_CHANGES_DESCRIPTION = [
  STREAM_DESCRIPTION,
  '',
  'With `kind=changes`, the stream sends position changes instead, as `GET /v1/changes` lists',
  'them: one message per change, every change of an event together, with the same resuming:',
  '',
  '```',
  'id: <sequence>',
  'event: change',
  'data: {"sequence": <sequence>, "actor": {…}, "topic": "…", "before": {…}, "after": {…}, …}',
  '```',
  '',
  '`data` is one line of JSON (the `PositionChange` schema). An event that moves no position',
  'sends nothing.',
].join('\n');
