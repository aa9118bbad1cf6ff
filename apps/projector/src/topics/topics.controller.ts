import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { topicPageSchema, topicPositionsSchema } from '@app/contracts';
import type { TopicPage, TopicPositions } from '@app/contracts';
import {
  ApiErrorResponses,
  ApiZodParam,
  ApiZodQuery,
  ApiZodResponse,
  cursorParameter,
  dateParameter,
  knownAtParameter,
  notFound,
  pageLimit,
  parseQuery,
  RequiresAccess,
} from '@app/http';
import {
  decodeKeysetCursor,
  getTopic,
  listTopics,
  queryTopicPositions,
  TOPIC_SORTS,
} from '@app/read-model';
import type { SqlExecutor } from '@app/read-model';
import { QUERY_SQL } from '../database/database.tokens';
import { KNOWN_AT_CONFLICT, KNOWN_AT_HEADER_DOC, ReadModelAt } from '../known-at/read-model-at';
import { DATABASE_UNAVAILABLE, INVALID_QUERY } from '../openapi/query-errors';
import {
  TOPIC_POSITIONS_QUERY_DESCRIPTIONS,
  TOPICS_QUERY_DESCRIPTIONS,
} from './openapi/topics-query.docs';

const topicsQuerySchema = z
  .strictObject({
    sort: z
      .enum(TOPIC_SORTS, { error: `must be one of ${TOPIC_SORTS.join(', ')}` })
      .default('topic'),
    limit: pageLimit,
    cursor: cursorParameter(decodeKeysetCursor).optional(),
    knownAt: knownAtParameter.optional(),
  })
  .refine((query) => !query.cursor || query.cursor.sort === query.sort, {
    path: ['cursor'],
    message: 'was issued for another sort',
  });

const topicPositionsQuerySchema = z.strictObject({
  asOf: dateParameter.optional(),
  knownAt: knownAtParameter.optional(),
});

@ApiTags('topics')
@Controller('v1/topics')
@RequiresAccess('read')
@ApiErrorResponses({ 400: INVALID_QUERY, 409: KNOWN_AT_CONFLICT, 503: DATABASE_UNAVAILABLE })
export class TopicsController {
  constructor(
    @Inject(QUERY_SQL) private readonly sql: SqlExecutor,
    @Inject(ReadModelAt) private readonly readModel: ReadModelAt,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Topics, with how many developments and statements each has' })
  @ApiZodQuery(topicsQuerySchema, TOPICS_QUERY_DESCRIPTIONS)
  @ApiZodResponse(200, topicPageSchema, 'A page of topics.', KNOWN_AT_HEADER_DOC)
  async topics(
    @Query() rawQuery: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TopicPage> {
    const { sort, limit, cursor, knownAt } = parseQuery(topicsQuerySchema, rawQuery);
    return this.readModel.answer(knownAt, reply, (relations) =>
      listTopics(this.sql, { sort, limit, after: cursor }, relations),
    );
  }

  @Get(':topic/positions')
  @ApiOperation({ summary: 'Where every actor stands on a topic' })
  @ApiZodParam('topic', z.string(), 'The topic slug.')
  @ApiZodQuery(topicPositionsQuerySchema, TOPIC_POSITIONS_QUERY_DESCRIPTIONS)
  @ApiZodResponse(
    200,
    topicPositionsSchema,
    'The current stance of every actor that has one.',
    KNOWN_AT_HEADER_DOC,
  )
  @ApiErrorResponses({ 404: 'No development has this topic.' })
  async positions(
    @Param('topic') topic: string,
    @Query() rawQuery: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TopicPositions> {
    const { asOf, knownAt } = parseQuery(topicPositionsQuerySchema, rawQuery);
    return this.readModel.answer(knownAt, reply, async (relations) => {
      const positions = await queryTopicPositions(this.sql, topic, { asOf }, relations);
      // A statement's topic is among its development's: only no positions can mean no topic.
      if (positions.length === 0 && !(await getTopic(this.sql, topic, relations))) {
        throw notFound(`Topic ${topic}`);
      }
      return { topic, positions };
    });
  }
}
