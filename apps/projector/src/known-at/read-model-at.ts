import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiError } from '@app/http';
import {
  CURRENT_RELATIONS,
  KnownAt,
  PROJECTION_NAMES,
  ReadModelRelations,
  relationsKnownAtParameter,
  resolveKnownAt,
} from '@app/read-model';
import type { ResolvedKnownAt, SqlExecutor } from '@app/read-model';
import { QUERY_SQL } from '../database/database.tokens';

/** The header of every answer given with `knownAt`: the sequence it answers for. */
export const KNOWN_AT_HEADER = 'Newsline-Known-At';

/** Which read model a query answers from: the present, or the log as it ended at `knownAt`. */
@Injectable()
export class ReadModelAt {
  /**
   * The sequences the read model could answer for when last asked. Checkpoints only move on and
   * a rebuild only gives back more history, so what was known stays known: a sequence within
   * these bounds needs no check, and one outside them is checked against the read model.
   */
  private known = { position: 0, historyFrom: Number.POSITIVE_INFINITY };

  constructor(@Inject(QUERY_SQL) private readonly sql: SqlExecutor) {}

  /**
   * What `work` answers from the present, or from the read model as it stood at `knownAt`
   * with the header that says for which sequence; a 409 if the read model cannot answer for
   * it (it has not applied it, or keeps no history from before it).
   */
  async answer<T>(
    knownAt: KnownAt | undefined,
    reply: Pick<FastifyReply, 'header'>,
    work: (relations: ReadModelRelations) => Promise<T>,
  ): Promise<T> {
    if (!knownAt) return work(CURRENT_RELATIONS);
    const sequence =
      'sequence' in knownAt && this.isKnown(knownAt.sequence)
        ? knownAt.sequence
        : this.knownSequence(await this.resolve(knownAt));
    reply.header(KNOWN_AT_HEADER, String(sequence));
    return work(relationsKnownAtParameter(sequence));
  }

  private isKnown(sequence: number): boolean {
    return sequence >= this.known.historyFrom && sequence <= this.known.position;
  }

  private resolve(knownAt: KnownAt): Promise<ResolvedKnownAt> {
    return resolveKnownAt(this.sql, knownAt, PROJECTION_NAMES);
  }

  /** The sequence the read model can answer for, or the 409 that says why it cannot. */
  private knownSequence(resolved: ResolvedKnownAt): number {
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
        this.known = {
          position: Math.max(this.known.position, resolved.position),
          historyFrom: Math.min(this.known.historyFrom, resolved.historyFrom),
        };
        return resolved.sequence;
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
