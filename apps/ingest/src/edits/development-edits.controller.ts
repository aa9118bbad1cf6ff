import { Body, Controller, Inject, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  developmentChangesBody,
  developmentIdSchema,
  EditOutcome,
  editOutcomeSchema,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeySchema,
  IF_MATCH_HEADER,
  ifMatchSchema,
  retractionBody,
  revisionEntityTag,
  validateChanges,
  validateRetraction,
} from '@app/contracts';
import {
  ApiErrorResponses,
  ApiWriteRateLimit,
  ApiZodBody,
  ApiZodHeader,
  ApiZodParam,
  ApiZodResponse,
  ETAG_HEADER,
  RequiresAccess,
} from '@app/http';
import { IngestMetrics } from '../metrics/ingest.metrics';
import { DevelopmentEditor, EditKind, EditResult } from './development-editor.service';
import { editFailure } from './edit-failure';
import { EditParameters, parseEditRequest } from './edit-request';
import type { EditRequestParameters } from './edit-request';

/** Corrections and retractions: later events on a recorded development. */
@ApiTags('edits')
@Controller('v1/developments/:developmentId')
@RequiresAccess('ingest')
@ApiWriteRateLimit()
@ApiZodParam('developmentId', developmentIdSchema, 'The developmentId its recording answered.')
@ApiZodHeader(
  IF_MATCH_HEADER,
  ifMatchSchema,
  'The revision the edit is meant for (the ETag of GET /v1/developments/{id}): 412 if the development has moved on.',
)
@ApiZodHeader(
  IDEMPOTENCY_KEY_HEADER,
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
  correct(
    @Body() body: unknown,
    @EditParameters() parameters: EditRequestParameters,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EditOutcome> {
    const edit = parseEditRequest(validateChanges(body), parameters);
    return this.answer(reply, 'correction', edit.developmentId, () =>
      this.editor.correct(edit.developmentId, edit.body, edit.options),
    );
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
  retract(
    @Body() body: unknown,
    @EditParameters() parameters: EditRequestParameters,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EditOutcome> {
    const edit = parseEditRequest(validateRetraction(body), parameters);
    return this.answer(reply, 'retraction', edit.developmentId, () =>
      this.editor.retract(edit.developmentId, edit.body.reason, edit.options),
    );
  }

  /** 202 for a new edit, 200 for a repeat, with the revision as ETag; failures as errors. */
  private async answer(
    reply: FastifyReply,
    kind: EditKind,
    developmentId: string,
    edit: () => Promise<EditResult>,
  ): Promise<EditOutcome> {
    try {
      const { outcome, duplicate } = await edit();
      this.metrics.countEdit(kind, duplicate ? 'duplicate' : 'accepted');
      void reply.status(duplicate ? 200 : 202).header('ETag', revisionEntityTag(outcome.revision));
      return outcome;
    } catch (error) {
      const failure = editFailure(kind, developmentId, error);
      if (!failure) throw error;
      this.metrics.countEdit(kind, failure.outcome);
      throw failure.answer;
    }
  }
}
