import { Body, Controller, Headers, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LogUnavailableError } from '@app/jetstream';
import { ApiError, RequiresAccess } from '@app/http';
import { DevelopmentRecorder, RecordingOutcome } from './development-recorder.service';
import { IngestMetrics } from './ingest.metrics';
import { IDEMPOTENCY_KEY_HEADER, prepareRecording } from './prepare-recording';

const RETRY_AFTER_SECONDS = '2';

@Controller('v1/developments')
@RequiresAccess('ingest')
export class DevelopmentsController {
  constructor(
    @Inject(DevelopmentRecorder) private readonly recorder: DevelopmentRecorder,
    @Inject(IngestMetrics) private readonly metrics: IngestMetrics,
  ) {}

  @Post()
  async record(
    @Body() body: unknown,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKey: string | undefined,
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
      });
      void reply.status(outcome.duplicate ? 200 : 202);
      this.metrics.count(outcome.duplicate ? 'duplicate' : 'accepted');
      return outcome;
    } catch (error) {
      if (!(error instanceof LogUnavailableError)) throw error;
      this.metrics.count('unavailable');
      const outcome = error.outcomeUnknown
        ? 'it may or may not have been recorded; retrying with the same key tells which'
        : 'nothing was recorded';
      throw new ApiError(
        'log_unavailable',
        `The log is unavailable (${error.message}): ${outcome}. Retry later.`,
        [],
        { 'Retry-After': RETRY_AFTER_SECONDS },
      );
    }
  }
}
