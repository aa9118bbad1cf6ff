import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiError } from '@app/http';
import {
  CURRENT_RELATIONS,
  KnownAt,
  PROJECTIONS,
  ReadModelRelations,
  relationsKnownAtParameter,
  resolveKnownAt,
} from '@app/read-model';
import type { SqlExecutor } from '@app/read-model';
import { QUERY_SQL } from '../database/database.tokens';

/** The header of every answer given with `knownAt`: the sequence it answers for. */
export const KNOWN_AT_HEADER = 'Newsline-Known-At';

const PROJECTION_NAMES = PROJECTIONS.map((projection) => projection.name);

/** Which read model a query answers from: the present, or the log as it ended at `knownAt`. */
@Injectable()
export class ReadModelAt {
  constructor(@Inject(QUERY_SQL) private readonly sql: SqlExecutor) {}

  /** The relations to answer from; with `knownAt`, also the header that says for which sequence. */
  async relations(
    knownAt: KnownAt | undefined,
    reply: Pick<FastifyReply, 'header'>,
  ): Promise<ReadModelRelations> {
    if (!knownAt) return CURRENT_RELATIONS;
    const resolved = await resolveKnownAt(this.sql, knownAt, PROJECTION_NAMES);
    switch (resolved.outcome) {
      case 'not-yet-known':
        throw new ApiError(
          'not_yet_known',
          `The read model has applied the log up to sequence ${resolved.position}; ` +
            `sequence ${resolved.sequence} is not known yet. Retry when it has caught up.`,
        );
      case 'history-not-kept':
        throw new ApiError(
          'history_not_kept',
          `The read model keeps what was known from sequence ${resolved.historyFrom} on; ` +
            'rebuild the projections (POST /v1/projections/all/rebuild) to answer for earlier ones.',
        );
      case 'known':
        reply.header(KNOWN_AT_HEADER, String(resolved.sequence));
        return relationsKnownAtParameter(resolved.sequence, resolved.runFrom);
    }
  }
}

/** The OpenAPI description of the header. */
export const KNOWN_AT_HEADER_DOC = {
  [KNOWN_AT_HEADER]: {
    description: 'With `knownAt`: the log sequence the answer is for.',
    schema: { type: 'string' as const },
  },
};

/** The OpenAPI description of the 409 answers of a route that takes `knownAt`. */
export const KNOWN_AT_CONFLICT =
  '`knownAt` names a sequence the read model has not applied yet (`not_yet_known`), or one ' +
  'from before the history it keeps (`history_not_kept`).';
