import { Body, Controller, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  BatchResult,
  batchResultSchema,
  developmentInputBody,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeySchema,
  RecordingOutcome,
  recordingOutcomeSchema,
} from '@app/contracts';
import { LogUnavailableError } from '@app/jetstream';
import {
  AcceptsBody,
  ApiError,
  ApiErrorResponses,
  ApiWriteRateLimit,
  ApiZodBody,
  ApiZodHeader,
  ApiZodResponse,
  RecordedBy,
  RETRY_AFTER_HEADER,
  RequiresAccess,
  retryAfter,
} from '@app/http';
import { BatchRecorder } from './batch/batch-recorder.service';
import { splitBatch } from './batch/prepare-batch';
import { DevelopmentRecorder } from './development-recorder.service';
import { IngestMetrics } from '../metrics/ingest.metrics';
import { batchBodySchema, ndjsonBatchBodySchema } from './openapi/batch-body.schema';
import { prepareRecording } from './prepare-recording';

@ApiTags('developments')
@Controller('v1/developments')
@RequiresAccess('ingest')
@ApiWriteRateLimit()
@ApiErrorResponses({
  413: 'The body is over the limit (BODY_LIMIT_BYTES, 1 MiB by default; 10 MiB for a batch).',
  415: 'The body is not JSON (nor NDJSON, for a batch).',
})
export class DevelopmentsController {
  constructor(
    @Inject(DevelopmentRecorder) private readonly recorder: DevelopmentRecorder,
    @Inject(BatchRecorder) private readonly batchRecorder: BatchRecorder,
    @Inject(IngestMetrics) private readonly metrics: IngestMetrics,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Record a development',
    description:
      'Answers only once the event is durably in the log. The same key again, however late, ' +
      'records nothing and answers with the ids of the first recording.',
  })
  @ApiZodHeader(
    IDEMPOTENCY_KEY_HEADER,
    idempotencyKeySchema,
    'The key the development is recorded under; without it, the key is derived from the canonical JSON of the body.',
  )
  @ApiZodBody(developmentInputBody)
  @ApiZodResponse(202, recordingOutcomeSchema, 'Recorded: the event is in the log.')
  @ApiZodResponse(200, recordingOutcomeSchema, 'Already recorded under this key: nothing written.')
  @ApiErrorResponses({
    400: 'The body is not a valid development (every problem is in `details`), or the Idempotency-Key is malformed.',
    503: 'The log is unreachable; the message says whether anything may have been recorded.',
  })
  async record(
    @Body() body: unknown,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKey: string | undefined,
    @RecordedBy() recordedBy: string | null,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecordingOutcome> {
    const prepared = prepareRecording(body, idempotencyKey);
    if (!prepared.ok) {
      this.metrics.count('invalid');
      throw new ApiError('validation_failed', 'The development is invalid.', prepared.details);
    }
    try {
      const outcome = await this.recorder.record(prepared.data, {
        correlationId: request.id,
        recordedBy,
      });
      void reply.status(outcome.duplicate ? 200 : 202);
      this.metrics.count(outcome.duplicate ? 'duplicate' : 'accepted');
      return outcome;
    } catch (error) {
      if (error instanceof LogUnavailableError) this.metrics.count('unavailable');
      throw error;
    }
  }

  /**
   * Many developments, each recorded as if posted alone. 200 with a result per item, even
   * when some could not be stored; 503 only when nothing could be, so that nothing was.
   */
  @Post('batch')
  @AcceptsBody({ limitFrom: 'BATCH_BODY_LIMIT_BYTES', ndjson: true })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record many developments',
    description:
      'Each item is recorded as if posted alone: its key is derived from its content, or is the ' +
      '`idempotencyKey` of a `{"idempotencyKey", "development"}` item. Invalid items do not stop ' +
      'valid ones. At most 1,000 items.',
  })
  @ApiZodBody(batchBodySchema, {
    otherMediaTypes: { 'application/x-ndjson': ndjsonBatchBodySchema },
  })
  @ApiZodResponse(
    200,
    batchResultSchema,
    'A result per item, in input order. With `Retry-After` when some items could not be stored (`unavailable`): sending them again is safe.',
    RETRY_AFTER_HEADER,
  )
  @ApiErrorResponses({
    400: 'The body is not an array (or NDJSON), is empty or holds more than 1,000 items.',
    503: 'The log is unreachable and nothing could be stored.',
  })
  async recordBatch(
    @Body() body: unknown,
    @RecordedBy() recordedBy: string | null,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BatchResult> {
    const batch = splitBatch(body);
    if (!batch.ok) {
      throw new ApiError('validation_failed', 'The batch is invalid.', batch.details);
    }
    const result = await this.batchRecorder.record(batch.entries, {
      correlationId: request.id,
      recordedBy,
    });
    const unavailable = result.results.filter((item) => item.status === 'unavailable');
    if (unavailable.length > 0) {
      void reply.headers(retryAfter());
      const nothingStored =
        result.accepted === 0 && unavailable.every((item) => !item.outcomeUnknown);
      if (nothingStored) {
        throw new LogUnavailableError(unavailable[0].message);
      }
    }
    return result;
  }
}
