import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
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
  ApiZodQuery,
  invalidQuery,
  KNOWN_AT_DESCRIPTION,
  knownAtParameter,
  notFound,
  parseQuery,
  RequiresAccess,
} from '@app/http';
import { getDevelopment } from '@app/read-model';
import type { SqlExecutor } from '@app/read-model';
import { QUERY_SQL } from '../database/database.tokens';
import { KNOWN_AT_CONFLICT, KNOWN_AT_HEADER_DOC, ReadModelAt } from '../known-at/read-model-at';
import { DATABASE_UNAVAILABLE, INVALID_QUERY } from '../openapi/query-errors';

const developmentId = z.uuid();
const developmentQuerySchema = z.strictObject({ knownAt: knownAtParameter.optional() });

@ApiTags('developments')
@Controller('v1/developments')
@RequiresAccess('read')
export class DevelopmentsController {
  constructor(
    @Inject(QUERY_SQL) private readonly sql: SqlExecutor,
    @Inject(ReadModelAt) private readonly readModel: ReadModelAt,
  ) {}

  @Get(':developmentId')
  @ApiOperation({ summary: 'One development in its current state, with its history' })
  @ApiZodParam('developmentId', developmentId, 'The developmentId its recording answered.')
  @ApiZodQuery(developmentQuerySchema, { knownAt: KNOWN_AT_DESCRIPTION })
  @ApiZodResponse(200, developmentWithHistorySchema, 'The development.', {
    ETag: ETAG_HEADER,
    ...KNOWN_AT_HEADER_DOC,
  })
  @ApiErrorResponses({
    400: `The developmentId is not a UUID, or ${INVALID_QUERY.toLowerCase()}`,
    409: KNOWN_AT_CONFLICT,
    404: 'No development with this id is in the read model.',
    503: DATABASE_UNAVAILABLE,
  })
  async development(
    @Param('developmentId') id: string,
    @Query() rawQuery: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DevelopmentWithHistory> {
    if (!developmentId.safeParse(id).success) {
      throw invalidQuery([{ path: 'developmentId', message: 'must be a UUID' }]);
    }
    const { knownAt } = parseQuery(developmentQuerySchema, rawQuery);
    const development = await this.readModel.answer(knownAt, reply, (relations) =>
      getDevelopment(this.sql, id.toLowerCase(), relations),
    );
    if (!development) throw notFound(`Development ${id}`);
    // The revision, for If-Match on a correction.
    void reply.header('ETag', revisionEntityTag(development.revision));
    return development;
  }
}
