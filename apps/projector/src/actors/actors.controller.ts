import { Controller, Get, Header, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  actorDetailSchema,
  actorPageSchema,
  actorPositionsSchema,
  duplicatePairPageSchema,
  normalizeActorId,
  similarActorsSchema,
} from '@app/contracts';
import type { ActorDetail, ActorPage, SimilarActors } from '@app/contracts';
import {
  ApiErrorResponses,
  ApiZodParam,
  ApiZodQuery,
  ApiZodResponse,
  KNOWN_AT_DESCRIPTION,
  notFound,
  parseQuery,
  RequiresAccess,
} from '@app/http';
import { getActor, listActors, queryActorPositionsJson, querySimilarActors } from '@app/read-model';
import type { SqlExecutor } from '@app/read-model';
import { QUERY_SQL } from '../database/database.tokens';
import { KNOWN_AT_CONFLICT, KNOWN_AT_HEADER_DOC, ReadModelAt } from '../known-at/read-model-at';
import { DATABASE_UNAVAILABLE, INVALID_QUERY } from '../openapi/query-errors';
import {
  actorPositionsQuerySchema,
  actorQuerySchema,
  actorsQuerySchema,
  duplicateActorsQuerySchema,
  similarActorsQuerySchema,
} from './actors-query.schema';
import { DuplicateActors } from './duplicate-actors.service';
import {
  ACTOR_ID_DESCRIPTION,
  ACTOR_POSITIONS_QUERY_DESCRIPTIONS,
  ACTORS_QUERY_DESCRIPTIONS,
  DUPLICATE_ACTORS_QUERY_DESCRIPTIONS,
  SIMILAR_ACTORS_QUERY_DESCRIPTIONS,
} from './openapi/actors-query.docs';

@ApiTags('actors')
@Controller('v1/actors')
@RequiresAccess('read')
@ApiErrorResponses({ 503: DATABASE_UNAVAILABLE })
export class ActorsController {
  constructor(
    @Inject(QUERY_SQL) private readonly sql: SqlExecutor,
    @Inject(DuplicateActors) private readonly duplicates: DuplicateActors,
    @Inject(ReadModelAt) private readonly readModel: ReadModelAt,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Actors, with how many developments and statements each has',
    description:
      'With `prefix`, only the actors found by it, for autocomplete: those with a word of ' +
      "their name, their id or an alias's name that starts with it, whatever the case and " +
      'accents, in Cyrillic or in its Latin transliteration. A merged actor is found as the ' +
      'actor it is merged into, listed once.',
  })
  @ApiZodQuery(actorsQuerySchema, ACTORS_QUERY_DESCRIPTIONS)
  @ApiZodResponse(200, actorPageSchema, 'A page of actors.', KNOWN_AT_HEADER_DOC)
  @ApiErrorResponses({ 400: INVALID_QUERY, 409: KNOWN_AT_CONFLICT })
  async actors(
    @Query() rawQuery: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActorPage> {
    const { sort, affiliation, prefix, limit, cursor, knownAt } = parseQuery(
      actorsQuerySchema,
      rawQuery,
    );
    return this.readModel.answer(knownAt, reply, (relations) =>
      listActors(this.sql, { sort, affiliation, prefix, limit, after: cursor }, relations),
    );
  }

  @Get('duplicates')
  @ApiOperation({
    summary: 'Likely duplicate actors',
    description:
      'Pairs of actors that are probably one (transliterations, spellings, a surname alone, ' +
      'an article), best first; merge them with POST /v1/actors/{actorId}/merge on ingest.',
  })
  @ApiZodQuery(duplicateActorsQuerySchema, DUPLICATE_ACTORS_QUERY_DESCRIPTIONS)
  @ApiZodResponse(200, duplicatePairPageSchema, 'A page of likely duplicates.')
  @ApiErrorResponses({ 400: INVALID_QUERY })
  duplicateActors(@Query() rawQuery: unknown) {
    const { limit, cursor } = parseQuery(duplicateActorsQuerySchema, rawQuery);
    return this.duplicates.page(limit, cursor);
  }

  @Get(':actorId')
  @ApiOperation({
    summary: 'One actor',
    description: 'An actor merged into another answers for that one, with `mergedFrom`.',
  })
  @ApiZodParam('actorId', z.string(), ACTOR_ID_DESCRIPTION)
  @ApiZodQuery(actorQuerySchema, { knownAt: KNOWN_AT_DESCRIPTION })
  @ApiZodResponse(200, actorDetailSchema, 'The actor.', KNOWN_AT_HEADER_DOC)
  @ApiErrorResponses({ 400: INVALID_QUERY, 404: 'No actor has this id.', 409: KNOWN_AT_CONFLICT })
  async actor(
    @Param('actorId') actorId: string,
    @Query() rawQuery: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActorDetail> {
    const { knownAt } = parseQuery(actorQuerySchema, rawQuery);
    return this.readModel.answer(knownAt, reply, async (relations) => {
      const actor = await getActor(this.sql, normalizeActorId(actorId), relations);
      if (!actor) throw notFound(`Actor ${actorId}`);
      return actor;
    });
  }

  @Get(':actorId/similar')
  @ApiOperation({
    summary: 'Actors that may be the same as this one',
    description:
      'Candidates for a merge, best first, each with a score, whether it is likely and why. ' +
      'Never an actor already merged with this one.',
  })
  @ApiZodParam('actorId', z.string(), ACTOR_ID_DESCRIPTION)
  @ApiZodQuery(similarActorsQuerySchema, SIMILAR_ACTORS_QUERY_DESCRIPTIONS)
  @ApiZodResponse(200, similarActorsSchema, 'The actor and its candidates.')
  @ApiErrorResponses({ 400: INVALID_QUERY, 404: 'No actor has this id.' })
  async similar(
    @Param('actorId') actorId: string,
    @Query() rawQuery: unknown,
  ): Promise<SimilarActors> {
    const { limit } = parseQuery(similarActorsQuerySchema, rawQuery);
    const similar = await querySimilarActors(this.sql, normalizeActorId(actorId), limit);
    if (!similar) throw notFound(`Actor ${actorId}`);
    return similar;
  }

  @Get(':actorId/positions')
  // The answer comes as JSON text, sent as it is.
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOperation({
    summary: 'Where an actor stands on each topic, and since when',
    description:
      'The current stance on a topic is that of the statement with the latest occurredOn ' +
      '(ties: the later-recorded); `since` is the first day of the unbroken run of that stance. ' +
      'Retracted developments do not count.',
  })
  @ApiZodParam('actorId', z.string(), ACTOR_ID_DESCRIPTION)
  @ApiZodQuery(actorPositionsQuerySchema, ACTOR_POSITIONS_QUERY_DESCRIPTIONS)
  @ApiZodResponse(
    200,
    actorPositionsSchema,
    'The actor and a position per topic, by topic.',
    KNOWN_AT_HEADER_DOC,
  )
  @ApiErrorResponses({ 400: INVALID_QUERY, 404: 'No actor has this id.', 409: KNOWN_AT_CONFLICT })
  async positions(
    @Param('actorId') actorId: string,
    @Query() rawQuery: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { knownAt, ...query } = parseQuery(actorPositionsQuerySchema, rawQuery);
    return this.readModel.answer(knownAt, reply, async (relations) => {
      const id = normalizeActorId(actorId);
      const positions = await queryActorPositionsJson(this.sql, id, query, relations);
      if (!positions) throw notFound(`Actor ${actorId}`);
      return positions;
    });
  }
}
