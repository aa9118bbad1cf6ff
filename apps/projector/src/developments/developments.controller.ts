import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { invalidQuery, notFound, RequiresAccess } from '@app/http';
import { getDevelopment } from '@app/read-model';
import type { DevelopmentWithHistory, SqlExecutor } from '@app/read-model';
import { QUERY_SQL } from '../database/database.tokens';

const developmentId = z.uuid();

@Controller('v1/developments')
@RequiresAccess('read')
export class DevelopmentsController {
  constructor(@Inject(QUERY_SQL) private readonly sql: SqlExecutor) {}

  @Get(':developmentId')
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
    void reply.header('ETag', `"${development.revision}"`);
    return development;
  }
}
