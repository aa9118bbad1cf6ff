import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { notFound, parseQuery, RequiresAccess } from '@app/http';
import { getActor, listActors, queryActorPositions } from '@app/read-model';
import type { ActorPage, ActorPositions, ActorView, SqlExecutor } from '@app/read-model';
import { QUERY_SQL } from '../database/database.tokens';
import { actorPositionsQuerySchema, actorsQuerySchema } from './actors-query.schema';

@Controller('v1/actors')
@RequiresAccess('read')
export class ActorsController {
  constructor(@Inject(QUERY_SQL) private readonly sql: SqlExecutor) {}

  @Get()
  actors(@Query() rawQuery: unknown): Promise<ActorPage> {
    const { sort, affiliation, limit, cursor } = parseQuery(actorsQuerySchema, rawQuery);
    return listActors(this.sql, { sort, affiliation, limit, after: cursor });
  }

  @Get(':actorId')
  async actor(@Param('actorId') actorId: string): Promise<ActorView> {
    const actor = await getActor(this.sql, actorId);
    if (!actor) throw notFound(`Actor ${actorId}`);
    return actor;
  }

  @Get(':actorId/positions')
  async positions(
    @Param('actorId') actorId: string,
    @Query() rawQuery: unknown,
  ): Promise<ActorPositions> {
    const query = parseQuery(actorPositionsQuerySchema, rawQuery);
    const positions = await queryActorPositions(this.sql, actorId, query);
    if (!positions) throw notFound(`Actor ${actorId}`);
    return positions;
  }
}
