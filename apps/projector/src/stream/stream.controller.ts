import { Controller, Get, Headers, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorStreamEventSchema, developmentStreamEventSchema } from '@app/contracts';
import {
  ApiErrorResponses,
  ApiEventStreamResponse,
  ApiZodHeader,
  ApiZodQuery,
  invalidQuery,
  RequiresAccess,
} from '@app/http';
import { resumeAfterSchema, STREAM_DESCRIPTION, streamQuerySchema } from '../openapi/stream.docs';
import { LiveDevelopments } from './live-developments.service';
import { KEEP_ALIVE, RECONNECT_AFTER, resumeAfter, serverSentEvent } from './server-sent-events';

const KEEP_ALIVE_MS = 15_000;
/** A client this far behind is cut off; it reconnects and resumes from its last event. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** Developments as they are applied, as Server-Sent Events (`Last-Event-ID` resumes). */
@ApiTags('stream')
@Controller('v1/stream')
@RequiresAccess('read')
export class StreamController {
  constructor(@Inject(LiveDevelopments) private readonly live: LiveDevelopments) {}

  @Get()
  @ApiOperation({ summary: 'Developments as they are applied', description: STREAM_DESCRIPTION })
  @ApiZodHeader('Last-Event-ID', resumeAfterSchema, 'Resume after this log sequence.')
  @ApiZodQuery(streamQuerySchema, {
    lastEventId: 'Resume after this log sequence (when the Last-Event-ID header cannot be set).',
  })
  @ApiEventStreamResponse(
    200,
    'An endless stream of `development` messages, and `actor` messages for merges.',
    {
      development: {
        schema: developmentStreamEventSchema,
        description: "A development's event applied; `data` is a `DevelopmentStreamEvent`.",
      },
      actor: {
        schema: actorStreamEventSchema,
        description: 'A merge or an unmerge applied; `data` is an `ActorStreamEvent`.',
      },
    },
    [
      { retry: 2000 },
      {
        id: '42',
        event: 'development',
        data: '{"type":"NewsEventRecorded","sequence":42,"development":{…}}',
      },
    ],
  )
  @ApiErrorResponses({ 400: 'Last-Event-ID (or lastEventId) is not a log sequence number.' })
  stream(
    @Headers('last-event-id') lastEventId: string | undefined,
    @Query('lastEventId') lastEventIdParameter: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): void {
    const after = resumeAfter(lastEventId, lastEventIdParameter);
    if (after === 'invalid') {
      throw invalidQuery([{ path: 'Last-Event-ID', message: 'must be a log sequence number' }]);
    }
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-correlation-id': request.id,
      'x-content-type-options': 'nosniff',
    });
    response.write(RECONNECT_AFTER);
    // Set up in order, but `end` may run from any of them (a client gone, a stream closed).
    const session: { ended: boolean; keepAlive?: NodeJS.Timeout; stop?: () => void } = {
      ended: false,
    };
    const end = () => {
      if (session.ended) return;
      session.ended = true;
      clearInterval(session.keepAlive);
      session.stop?.();
      response.end();
    };
    const write = (text: string) => {
      if (session.ended) return;
      response.write(text);
      if (response.writableLength > MAX_BUFFERED_BYTES) end();
    };
    response.on('close', end);
    session.keepAlive = setInterval(() => write(KEEP_ALIVE), KEEP_ALIVE_MS);
    session.stop = this.live.follow(after, {
      send: (event) => write(serverSentEvent(event)),
      end,
    });
    if (session.ended) session.stop();
  }
}
