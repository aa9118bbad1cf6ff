import { Controller, Get, Inject, Query } from '@nestjs/common';
import { parseQuery, RequiresAccess } from '@app/http';
import { queryTimeline } from '@app/read-model';
import type { SqlExecutor, TimelinePage } from '@app/read-model';
import { QUERY_SQL } from '../database/database.tokens';
import { timelineQuerySchema } from './timeline-query.schema';

@Controller('v1/timeline')
@RequiresAccess('read')
export class TimelineController {
  constructor(@Inject(QUERY_SQL) private readonly sql: SqlExecutor) {}

  @Get()
  timeline(@Query() rawQuery: unknown): Promise<TimelinePage> {
    const query = parseQuery(timelineQuerySchema, rawQuery);
    return queryTimeline(this.sql, {
      from: query.from,
      to: query.to,
      actors: query.actor,
      topics: query.topic,
      text: query.q,
      includeRetracted: query.includeRetracted,
      order: query.order,
      limit: query.limit,
      after: query.cursor,
    });
  }
}
