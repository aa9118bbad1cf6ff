import { Body, Controller, Headers, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  isValidIdempotencyKey,
  newsEventCorrected,
  newsEventRetracted,
  validateChanges,
  validateRetraction,
  Validated,
  ValidationDetail,
} from '@app/contracts';
import { ApiError, RequiresAccess, requireJsonBody } from '@app/http';
import { LogUnavailableError } from '@app/jetstream';
import { IDEMPOTENCY_KEY_HEADER } from '../developments/prepare-recording';
import { logUnavailableResponse } from '../log/log-unavailable';
import { decideCorrection, decideRetraction, Refusal } from './decide-edit';
import {
  ConcurrentEditsError,
  DevelopmentEditor,
  EditOutcome,
  EditRequest,
} from './development-editor.service';
import { EditRefusedError } from './edit-refused.error';
import { parseIfMatch } from './if-match';
import { IngestMetrics } from '../developments/ingest.metrics';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Corrections and retractions: later events on a recorded development. */
@Controller('v1/developments/:developmentId')
@RequiresAccess('ingest')
export class DevelopmentEditsController {
  constructor(
    @Inject(DevelopmentEditor) private readonly editor: DevelopmentEditor,
    @Inject(IngestMetrics) private readonly metrics: IngestMetrics,
  ) {}

  @Post('corrections')
  async correct(
    @Param('developmentId') developmentId: string,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Omit<EditOutcome, 'duplicate'>> {
    const edit = checkEdit(validateChanges(requireJsonBody(body)), developmentId, headers);
    return this.run('correction', reply, {
      developmentId: edit.developmentId,
      kind: 'correction',
      decide: (state) => decideCorrection(state, edit.value, edit.revision),
      build: newsEventCorrected,
      idempotencyKey: edit.idempotencyKey,
      correlationId: request.id,
    });
  }

  @Post('retraction')
  async retract(
    @Param('developmentId') developmentId: string,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Omit<EditOutcome, 'duplicate'>> {
    const edit = checkEdit(validateRetraction(requireJsonBody(body)), developmentId, headers);
    return this.run('retraction', reply, {
      developmentId: edit.developmentId,
      kind: 'retraction',
      decide: (state) => decideRetraction(state, edit.value.reason, edit.revision),
      build: newsEventRetracted,
      idempotencyKey: edit.idempotencyKey,
      correlationId: request.id,
    });
  }

  private async run<Data>(
    kind: 'correction' | 'retraction',
    reply: FastifyReply,
    request: EditRequest<Data>,
  ): Promise<Omit<EditOutcome, 'duplicate'>> {
    try {
      const { duplicate, ...outcome } = await this.editor.edit(request);
      this.metrics.countEdit(kind, duplicate ? 'duplicate' : 'accepted');
      void reply.status(duplicate ? 200 : 202).header('ETag', `"${outcome.revision}"`);
      return outcome;
    } catch (error) {
      if (error instanceof EditRefusedError) {
        this.metrics.countEdit(kind, error.refusal.refused);
        throw refusalResponse(kind, request.developmentId, error.refusal);
      }
      if (error instanceof ConcurrentEditsError) {
        this.metrics.countEdit(kind, 'conflict');
        throw new ApiError('conflict', `The development kept changing (${error.message}); retry.`);
      }
      if (!(error instanceof LogUnavailableError)) throw error;
      this.metrics.countEdit(kind, 'unavailable');
      throw logUnavailableResponse(error);
    }
  }
}

/** The body, path and headers of an edit, or a 400 that lists every problem at once. */
function checkEdit<T>(
  body: Validated<T>,
  developmentId: string,
  headers: Record<string, string | undefined>,
): { value: T; developmentId: string; idempotencyKey?: string; revision?: number } {
  const details: ValidationDetail[] = [];
  if (!UUID.test(developmentId)) {
    details.push({ path: 'developmentId', message: 'must be a UUID' });
  }
  const idempotencyKey = headers[IDEMPOTENCY_KEY_HEADER];
  if (idempotencyKey !== undefined && !isValidIdempotencyKey(idempotencyKey)) {
    details.push({ path: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' });
  }
  const ifMatch = parseIfMatch(headers['if-match']);
  if (!ifMatch.ok) details.push(ifMatch.detail);
  if (!body.ok) details.push(...body.details);
  if (!body.ok || details.length > 0) {
    throw new ApiError('validation_failed', 'The request is invalid.', details);
  }
  return {
    value: body.value,
    developmentId: developmentId.toLowerCase(),
    idempotencyKey,
    revision: ifMatch.ok ? ifMatch.revision : undefined,
  };
}

function refusalResponse(kind: string, developmentId: string, refusal: Refusal): ApiError {
  switch (refusal.refused) {
    case 'not_found':
      return new ApiError('not_found', `No development ${developmentId} has been recorded.`);
    case 'retracted':
      return new ApiError(
        'retracted',
        kind === 'retraction'
          ? `The development was already retracted (sequence ${refusal.sequence}).`
          : `The development was retracted (sequence ${refusal.sequence}); it cannot be corrected.`,
      );
    case 'revision_moved':
      return new ApiError(
        'precondition_failed',
        `The development is at revision ${refusal.revision}, not the one in If-Match.`,
        [],
        { ETag: `"${refusal.revision}"` },
      );
    case 'invalid':
      return new ApiError(
        'validation_failed',
        'The corrected development would be invalid.',
        refusal.details,
      );
  }
}
