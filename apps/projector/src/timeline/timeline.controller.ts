import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { timelinePageSchema } from '@app/contracts';
import {
  ApiErrorResponses,
  ApiZodQuery,
  ApiZodResponse,
  parseQuery,
  RequiresAccess,
} from '@app/http';
import { queryTimelineJson } from '@app/read-model';
import type { SqlExecutor } from '@app/read-model';
import { QUERY_SQL } from '../database/database.tokens';
import { KNOWN_AT_CONFLICT, KNOWN_AT_HEADER_DOC, ReadModelAt } from '../known-at/read-model-at';
import { DATABASE_UNAVAILABLE, INVALID_QUERY } from '../openapi/query-errors';
import { TIMELINE_QUERY_DESCRIPTIONS } from './openapi/timeline-query.docs';
import { timelineQuerySchema } from './timeline-query.schema';

@ApiTags('timeline')
@Controller('v1/timeline')
@RequiresAccess('read')
export class TimelineController {
  constructor(
    @Inject(QUERY_SQL) private readonly sql: SqlExecutor,
    @Inject(ReadModelAt) private readonly readModel: ReadModelAt,
  ) {}

  @Get()
  // The page comes as JSON text, sent as it is.
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOperation({
    summary: 'The timeline',
    description:
      'Developments ordered by occurredOn, then by the sequence at which each was first ' +
      'recorded; retracted ones are left out unless includeRetracted=true.',
  })
  @ApiZodQuery(timelineQuerySchema, TIMELINE_QUERY_DESCRIPTIONS)
  @ApiZodResponse(200, timelinePageSchema, 'A page of the timeline.', KNOWN_AT_HEADER_DOC)
  @ApiErrorResponses({ 400: INVALID_QUERY, 409: KNOWN_AT_CONFLICT, 503: DATABASE_UNAVAILABLE })
  async timeline(
    @Query() rawQuery: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const query = parseQuery(timelineQuerySchema, rawQuery);
    return this.readModel.answer(query.knownAt, reply, (relations) =>
      queryTimelineJson(this.sql, {
        from: query.from,
        to: query.to,
        actors: query.actor,
        topics: query.topic,
        text: query.q,
        includeRetracted: query.includeRetracted,
        order: query.order,
        limit: query.limit,
        after: query.cursor,
        relations,
      }),
    );
  }
}
