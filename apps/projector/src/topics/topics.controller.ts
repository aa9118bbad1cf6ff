import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
  })
  .refine((query) => !query.cursor || query.cursor.sort === query.sort, {
    path: ['cursor'],
    message: 'was issued for another sort',
  });

const topicPositionsQuerySchema = z.strictObject({ asOf: dateParameter.optional() });

@ApiTags('topics')
@Controller('v1/topics')
@RequiresAccess('read')
@ApiErrorResponses({ 400: INVALID_QUERY, 503: DATABASE_UNAVAILABLE })
export class TopicsController {
  constructor(@Inject(QUERY_SQL) private readonly sql: SqlExecutor) {}

  @Get()
  @ApiOperation({ summary: 'Topics, with how many developments and statements each has' })
  @ApiZodQuery(topicsQuerySchema, TOPICS_QUERY_DESCRIPTIONS)
  @ApiZodResponse(200, topicPageSchema, 'A page of topics.')
  topics(@Query() rawQuery: unknown): Promise<TopicPage> {
    const { sort, limit, cursor } = parseQuery(topicsQuerySchema, rawQuery);
    return listTopics(this.sql, { sort, limit, after: cursor });
  }

  @Get(':topic/positions')
  @ApiOperation({ summary: 'Where every actor stands on a topic' })
  @ApiZodParam('topic', z.string(), 'The topic slug.')
  @ApiZodQuery(topicPositionsQuerySchema, TOPIC_POSITIONS_QUERY_DESCRIPTIONS)
  @ApiZodResponse(200, topicPositionsSchema, 'The current stance of every actor that has one.')
  @ApiErrorResponses({ 404: 'No development has this topic.' })
  async positions(
    @Param('topic') topic: string,
    @Query() rawQuery: unknown,
  ): Promise<TopicPositions> {
    const { asOf } = parseQuery(topicPositionsQuerySchema, rawQuery);
    if (!(await getTopic(this.sql, topic))) throw notFound(`Topic ${topic}`);
    return { topic, positions: await queryTopicPositions(this.sql, topic, { asOf }) };
  }
}
