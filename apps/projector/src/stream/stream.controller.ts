import { Controller, Get, Headers, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  actorStreamEventSchema,
  developmentStreamEventSchema,
  positionChangeSchema,
} from '@app/contracts';
import {
  ApiErrorResponses,
  ApiEventStreamResponse,
  ApiZodHeader,
  ApiZodQuery,
  invalidQuery,
  RequiresAccess,
} from '@app/http';
import { resumeAfterSchema } from '../openapi/stream.docs';
import { LiveChanges } from './live-changes.service';
import { LiveDevelopments } from './live-developments.service';
import { StreamMetrics } from './stream.metrics';
import {
  changeServerSentEvents,
  KEEP_ALIVE,
  RECONNECT_AFTER,
  resumeAfter,
  serverSentEvent,
} from './server-sent-events';
import {
  STREAM_KIND_DESCRIPTIONS,
  STREAM_KINDS,
  STREAM_WITH_CHANGES_DESCRIPTION,
  streamKindQuerySchema,
} from './stream-kind';

const KEEP_ALIVE_MS = 15_000;

/**
 * Developments as they are applied, or the position changes they make, as Server-Sent Events
 * (`Last-Event-ID` resumes).
 */
@ApiTags('stream')
@Controller('v1/stream')
@RequiresAccess('read')
export class StreamController {
  constructor(
    @Inject(LiveDevelopments) private readonly live: LiveDevelopments,
    @Inject(LiveChanges) private readonly liveChanges: LiveChanges,
    @Inject(StreamMetrics) private readonly metrics: StreamMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Developments as they are applied, or the position changes they make',
    description: STREAM_WITH_CHANGES_DESCRIPTION,
  })
  @ApiZodHeader('Last-Event-ID', resumeAfterSchema, 'Resume after this log sequence.')
  @ApiZodQuery(streamKindQuerySchema, STREAM_KIND_DESCRIPTIONS)
  @ApiEventStreamResponse(
    200,
    'An endless stream of `development` messages, and `actor` messages for merges; with ' +
      '`kind=changes`, of `change` messages.',
    {
      development: {
        schema: developmentStreamEventSchema,
        description: "A development's event applied; `data` is a `DevelopmentStreamEvent`.",
      },
      actor: {
        schema: actorStreamEventSchema,
        description: 'A merge or an unmerge applied; `data` is an `ActorStreamEvent`.',
      },
      change: {
        schema: positionChangeSchema,
        description:
          'With `kind=changes`: a position an event moved; `data` is a `PositionChange`.',
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
  @ApiErrorResponses({
    400: 'Last-Event-ID (or lastEventId) is not a log sequence number, or `kind` is unknown.',
  })
  stream(
    @Headers('last-event-id') lastEventId: string | undefined,
    @Query('lastEventId') lastEventIdParameter: string | undefined,
    @Query('kind') kind: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): void {
    const after = resumeAfter(lastEventId, lastEventIdParameter);
    if (after === 'invalid') {
      throw invalidQuery([{ path: 'Last-Event-ID', message: 'must be a log sequence number' }]);
    }
    const streamKind = kind ?? 'developments';
    if (!(STREAM_KINDS as readonly string[]).includes(streamKind)) {
      throw invalidQuery([{ path: 'kind', message: `must be one of ${STREAM_KINDS.join(', ')}` }]);
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
    const left = this.metrics.clientJoined();
    const end = () => {
      if (session.ended) return;
      session.ended = true;
      left();
      clearInterval(session.keepAlive);
      session.stop?.();
      response.end();
    };
    /** Writes, and says whether the client may be sent more now. */
    const write = (text: string): boolean => {
      if (session.ended) return false;
      // Only a write refused (past the high-water mark) is followed by `drain`.
      const taken = response.write(text);
      return taken || response.writableLength < this.config.STREAM_CLIENT_BUFFER_BYTES;
    };
    const whenReady = (ready: () => void) => {
      this.metrics.countFull();
      response.once('drain', ready);
    };
    response.on('close', end);
    session.keepAlive = setInterval(() => write(KEEP_ALIVE), KEEP_ALIVE_MS);
    session.stop =
      streamKind === 'changes'
        ? this.liveChanges.follow(after, {
            send: (event) => write(changeServerSentEvents(event)),
            whenReady,
            end,
          })
        : this.live.follow(after, {
            send: (event) => write(serverSentEvent(event)),
            whenReady,
            end,
          });
    if (session.ended) session.stop();
  }
}
