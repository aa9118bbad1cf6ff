import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { positionChangePageSchema } from '@app/contracts';
import type { PositionChangePage } from '@app/contracts';
import {
  ApiErrorResponses,
  ApiZodQuery,
  ApiZodResponse,
  parseQuery,
  RequiresAccess,
} from '@app/http';
import { PROJECTION_NAMES, queryChanges } from '@app/read-model';
import type { SqlExecutor } from '@app/read-model';
import { QUERY_SQL } from '../database/database.tokens';
import { DATABASE_UNAVAILABLE, INVALID_QUERY } from '../openapi/query-errors';
import { changesQuerySchema } from './changes-query.schema';
import { CHANGES_DESCRIPTION, CHANGES_QUERY_DESCRIPTIONS } from './openapi/changes-query.docs';

@ApiTags('changes')
@Controller('v1/changes')
@RequiresAccess('read')
export class ChangesController {
  constructor(@Inject(QUERY_SQL) private readonly sql: SqlExecutor) {}

  @Get()
  @ApiOperation({ summary: 'Position changes, event by event', description: CHANGES_DESCRIPTION })
  @ApiZodQuery(changesQuerySchema, CHANGES_QUERY_DESCRIPTIONS)
  @ApiZodResponse(200, positionChangePageSchema, 'A page of position changes.')
  @ApiErrorResponses({ 400: INVALID_QUERY, 503: DATABASE_UNAVAILABLE })
  changes(@Query() rawQuery: unknown): Promise<PositionChangePage> {
    const query = parseQuery(changesQuerySchema, rawQuery);
    return queryChanges(this.sql, { ...query, projections: PROJECTION_NAMES });
  }
}
