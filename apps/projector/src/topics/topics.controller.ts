import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { z } from 'zod';
import {
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
import type { SqlExecutor, TopicPosition, TopicView } from '@app/read-model';
import { QUERY_SQL } from '../database/database.tokens';

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

@Controller('v1/topics')
@RequiresAccess('read')
export class TopicsController {
  constructor(@Inject(QUERY_SQL) private readonly sql: SqlExecutor) {}

  @Get()
  topics(@Query() rawQuery: unknown): Promise<{ items: TopicView[]; nextCursor: string | null }> {
    const { sort, limit, cursor } = parseQuery(topicsQuerySchema, rawQuery);
    return listTopics(this.sql, { sort, limit, after: cursor });
  }

  @Get(':topic/positions')
  async positions(
    @Param('topic') topic: string,
    @Query() rawQuery: unknown,
  ): Promise<{ topic: string; positions: TopicPosition[] }> {
    const { asOf } = parseQuery(topicPositionsQuerySchema, rawQuery);
    if (!(await getTopic(this.sql, topic))) throw notFound(`Topic ${topic}`);
    return { topic, positions: await queryTopicPositions(this.sql, topic, { asOf }) };
  }
}
