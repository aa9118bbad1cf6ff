import { Body, Controller, Headers, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  developmentChangesBody,
  editOutcomeSchema,
  isValidIdempotencyKey,
  newsEventCorrected,
  newsEventRetracted,
  retractionBody,
  validateChanges,
  validateRetraction,
  Validated,
  ValidationDetail,
} from '@app/contracts';
import {
  ApiError,
  ApiErrorResponses,
  ApiTokenAccess,
  ApiWriteRateLimit,
  ApiZodBody,
  ApiZodHeader,
  ApiZodParam,
  ApiZodResponse,
  ETAG_HEADER,
  RequiresAccess,
} from '@app/http';
import { LogUnavailableError } from '@app/jetstream';
import { idempotencyKeySchema } from '../recording/openapi/batch-body.schema';
import { IDEMPOTENCY_KEY_HEADER } from '../recording/prepare-recording';
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
import { developmentIdSchema, ifMatchSchema } from './openapi/edit-parameters.schema';
import { IngestMetrics } from '../metrics/ingest.metrics';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Corrections and retractions: later events on a recorded development. */
@ApiTags('edits')
@Controller('v1/developments/:developmentId')
@RequiresAccess('ingest')
@ApiTokenAccess('ingest')
@ApiWriteRateLimit()
@ApiZodParam('developmentId', developmentIdSchema, 'The developmentId its recording answered.')
@ApiZodHeader(
  'If-Match',
  ifMatchSchema,
  'The revision the edit is meant for (the ETag of GET /v1/developments/{id}): 412 if the development has moved on.',
)
@ApiZodHeader(
  'Idempotency-Key',
  idempotencyKeySchema,
  'Makes a retry of this edit a 200 repeat of the first answer instead of a second edit.',
)
@ApiErrorResponses({
  400: 'The body, the developmentId, If-Match or Idempotency-Key is invalid, or the edited development would be (every problem is in `details`).',
  404: 'No development with this id has been recorded.',
  409: '`retracted`: the development was retracted; `conflict`: it kept changing under concurrent edits, retry.',
  412: 'The development is no longer at the revision in If-Match; the ETag has the current one.',
  413: 'The body is over the limit (BODY_LIMIT_BYTES, 1 MiB by default).',
  415: 'The body is not JSON.',
  503: 'The log is unreachable; the message says whether anything may have been recorded.',
})
@ApiZodResponse(
  200,
  editOutcomeSchema,
  'A repeat of an edit sent with the same Idempotency-Key: the first answer, nothing written.',
  { ETag: ETAG_HEADER },
)
export class DevelopmentEditsController {
  constructor(
    @Inject(DevelopmentEditor) private readonly editor: DevelopmentEditor,
    @Inject(IngestMetrics) private readonly metrics: IngestMetrics,
  ) {}

  @Post('corrections')
  @ApiOperation({
    summary: 'Correct a development',
    description:
      'The fields given replace those of the development (`topics` and `actors` only when ' +
      'given); a one-day development whose occurredOn is corrected stays one day long.',
  })
  @ApiZodBody(developmentChangesBody)
  @ApiZodResponse(202, editOutcomeSchema, 'Corrected: the event is in the log.', {
    ETag: ETAG_HEADER,
  })
  async correct(
    @Param('developmentId') developmentId: string,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Omit<EditOutcome, 'duplicate'>> {
    const edit = checkEdit(validateChanges(body), developmentId, headers);
    return this.run(reply, {
      developmentId: edit.developmentId,
      kind: 'correction',
      decide: (state) => decideCorrection(state, edit.value, edit.revision),
      build: newsEventCorrected,
      idempotencyKey: edit.idempotencyKey,
      correlationId: request.id,
    });
  }

  @Post('retraction')
  @ApiOperation({
    summary: 'Retract a development',
    description:
      'Final: the development leaves the timeline (unless includeRetracted=true) and its ' +
      'statements stop counting for positions. Retracting twice is 409.',
  })
  @ApiZodBody(retractionBody)
  @ApiZodResponse(202, editOutcomeSchema, 'Retracted: the event is in the log.', {
    ETag: ETAG_HEADER,
  })
  async retract(
    @Param('developmentId') developmentId: string,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Omit<EditOutcome, 'duplicate'>> {
    const edit = checkEdit(validateRetraction(body), developmentId, headers);
    return this.run(reply, {
      developmentId: edit.developmentId,
      kind: 'retraction',
      decide: (state) => decideRetraction(state, edit.value.reason, edit.revision),
      build: newsEventRetracted,
      idempotencyKey: edit.idempotencyKey,
      correlationId: request.id,
    });
  }

  private async run<Data>(
    reply: FastifyReply,
    request: EditRequest<Data>,
  ): Promise<Omit<EditOutcome, 'duplicate'>> {
    const { kind } = request;
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
