import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { developmentWithHistorySchema, revisionEntityTag } from '@app/contracts';
import type { DevelopmentWithHistory } from '@app/contracts';
import {
  ApiErrorResponses,
  ApiZodParam,
  ApiZodResponse,
  ETAG_HEADER,
  invalidQuery,
  notFound,
  RequiresAccess,
} from '@app/http';
import { getDevelopment } from '@app/read-model';
import type { SqlExecutor } from '@app/read-model';
import { QUERY_SQL } from '../database/database.tokens';
import { DATABASE_UNAVAILABLE } from '../openapi/query-errors';

const developmentId = z.uuid();

@ApiTags('developments')
@Controller('v1/developments')
@RequiresAccess('read')
export class DevelopmentsController {
  constructor(@Inject(QUERY_SQL) private readonly sql: SqlExecutor) {}

  @Get(':developmentId')
  @ApiOperation({ summary: 'One development in its current state, with its history' })
  @ApiZodParam('developmentId', developmentId, 'The developmentId its recording answered.')
  @ApiZodResponse(200, developmentWithHistorySchema, 'The development.', { ETag: ETAG_HEADER })
  @ApiErrorResponses({
    400: 'The developmentId is not a UUID.',
    404: 'No development with this id is in the read model.',
    503: DATABASE_UNAVAILABLE,
  })
  async development(
    @Param('developmentId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DevelopmentWithHistory> {
    if (!developmentId.safeParse(id).success) {
      throw invalidQuery([{ path: 'developmentId', message: 'must be a UUID' }]);
    }
    const development = await getDevelopment(this.sql, id.toLowerCase());
    if (!development) throw notFound(`Development ${id}`);
    // The revision, for If-Match on a correction.
    void reply.header('ETag', revisionEntityTag(development.revision));
    return development;
  }
}
