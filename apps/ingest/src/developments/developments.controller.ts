import { Body, Controller, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LogUnavailableError } from '@app/jetstream';
import { ApiError, RequiresAccess, requireJsonBody } from '@app/http';
import { logUnavailableResponse } from '../log/log-unavailable';
import { BatchRecorder, BatchResult } from './batch/batch-recorder.service';
import { prepareBatch } from './batch/prepare-batch';
import { DevelopmentRecorder, RecordingOutcome } from './development-recorder.service';
import { IngestMetrics } from './ingest.metrics';
import { IDEMPOTENCY_KEY_HEADER, prepareRecording } from './prepare-recording';

@Controller('v1/developments')
@RequiresAccess('ingest')
export class DevelopmentsController {
  constructor(
    @Inject(DevelopmentRecorder) private readonly recorder: DevelopmentRecorder,
    @Inject(BatchRecorder) private readonly batchRecorder: BatchRecorder,
    @Inject(IngestMetrics) private readonly metrics: IngestMetrics,
  ) {}

  @Post()
  async record(
    @Body() body: unknown,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKey: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecordingOutcome> {
    const prepared = prepareRecording(requireJsonBody(body), idempotencyKey);
    if (!prepared.ok) {
      this.metrics.count('invalid');
      throw new ApiError('validation_failed', 'The development is invalid.', prepared.details);
    }
    try {
      const outcome = await this.recorder.record(prepared.data, {
        correlationId: request.id,
      });
      void reply.status(outcome.duplicate ? 200 : 202);
      this.metrics.count(outcome.duplicate ? 'duplicate' : 'accepted');
      return outcome;
    } catch (error) {
      if (!(error instanceof LogUnavailableError)) throw error;
      this.metrics.count('unavailable');
      throw logUnavailableResponse(error);
    }
  }

  /**
   * Many developments, each recorded as if posted alone. 200 with a result per item, even
   * when some could not be stored; 503 only when nothing could be, so that nothing was.
   */
  @Post('batch')
  @HttpCode(200)
  async recordBatch(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BatchResult> {
    const prepared = prepareBatch(body);
    if (!prepared.ok) {
      throw new ApiError('validation_failed', 'The batch is invalid.', prepared.details);
    }
    const result = await this.batchRecorder.record(prepared.entries, { correlationId: request.id });
    const unavailable = result.results.filter((item) => item.status === 'unavailable');
    if (unavailable.length > 0) {
      void reply.header('Retry-After', '2');
      const nothingStored =
        result.accepted === 0 && unavailable.every((item) => !item.outcomeUnknown);
      if (nothingStored) {
        throw logUnavailableResponse(new LogUnavailableError(unavailable[0].message));
      }
    }
    return result;
  }
}
