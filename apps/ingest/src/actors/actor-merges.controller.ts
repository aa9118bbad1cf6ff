import { Body, Controller, Delete, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  actorMergeBody,
  actorMergeOutcomeSchema,
  validateActorId,
  validateActorMerge,
  ValidationDetail,
} from '@app/contracts';
import {
  ApiError,
  ApiErrorResponses,
  ApiTakesNoBody,
  ApiWriteRateLimit,
  ApiZodBody,
  ApiZodParam,
  ApiZodResponse,
  RecordedBy,
  RequiresAccess,
} from '@app/http';
import {
  ActorMerger,
  ConcurrentMergesError,
  MergeOutcome,
  MergeRefusedError,
} from './actor-merger.service';

/** Merges of actors: declaring that two ids are one actor, and undoing it. */
@ApiTags('actors')
@Controller('v1/actors/:actorId/merge')
@RequiresAccess('ingest')
@ApiWriteRateLimit()
@ApiZodParam('actorId', z.string(), 'The id of the actor that is merged (a slug, any script).')
@ApiErrorResponses({
  400: 'The actor id or the body is invalid, or the actor would be merged into itself.',
  503: 'The log is unreachable; the message says whether anything may have been recorded.',
})
export class ActorMergesController {
  constructor(@Inject(ActorMerger) private readonly merger: ActorMerger) {}

  @Post()
  @ApiOperation({
    summary: 'Merge an actor into another',
    description:
      'Records an ActorMerged event: from now on, and for everything already recorded, the ' +
      'actor is the same as `into`. Queries answer for `into` when asked about the actor.',
  })
  @ApiZodBody(actorMergeBody)
  @ApiZodResponse(202, actorMergeOutcomeSchema, 'Merged: the event is in the log.')
  @ApiZodResponse(200, actorMergeOutcomeSchema, 'Already merged into `into`: that merge.')
  @ApiErrorResponses({
    413: 'The body is over the limit (BODY_LIMIT_BYTES, 1 MiB by default).',
    415: 'The body is not JSON.',
    409: '`merge_conflict`: `into` is itself merged (`details` names the actor to merge into), the merge would make a cycle, or the actor is merged into another one already.',
  })
  async merge(
    @Param('actorId') rawActorId: string,
    @Body() body: unknown,
    @RecordedBy() recordedBy: string | null,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MergeOutcome | Omit<MergeOutcome, 'duplicate'>> {
    const details: ValidationDetail[] = [];
    const actorId = validateActorId(rawActorId);
    const merge = validateActorMerge(body);
    if (!actorId.ok) details.push(...actorId.details);
    if (!merge.ok) details.push(...merge.details);
    if (!actorId.ok || !merge.ok) {
      throw new ApiError('validation_failed', 'The request is invalid.', details);
    }
    if (merge.value.into === actorId.value) {
      throw new ApiError('validation_failed', 'An actor cannot be merged into itself.', [
        { path: 'into', message: 'must be another actor than the one merged' },
      ]);
    }
    const outcome = await this.run(() =>
      this.merger.merge(actorId.value, merge.value.into, merge.value.reason ?? null, {
        correlationId: request.id,
        recordedBy,
      }),
    );
    void reply.status(outcome.duplicate ? 200 : 202);
    return answer(outcome);
  }

  @Delete()
  @ApiOperation({
    summary: 'Undo the merge of an actor',
    description: 'Records an ActorUnmerged event: the actor is an actor of its own again.',
  })
  @ApiZodResponse(202, actorMergeOutcomeSchema, 'Unmerged: the event is in the log.')
  @ApiErrorResponses({ 409: '`not_merged`: the actor is not merged into another.' })
  @ApiTakesNoBody()
  async unmerge(
    @Param('actorId') rawActorId: string,
    @RecordedBy() recordedBy: string | null,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Omit<MergeOutcome, 'duplicate'>> {
    const actorId = validateActorId(rawActorId);
    if (!actorId.ok) {
      throw new ApiError('validation_failed', 'The request is invalid.', actorId.details);
    }
    const outcome = await this.run(() =>
      this.merger.unmerge(actorId.value, { correlationId: request.id, recordedBy }),
    );
    void reply.status(202);
    return answer(outcome);
  }

  private async run(append: () => Promise<MergeOutcome>): Promise<MergeOutcome> {
    try {
      return await append();
    } catch (error) {
      if (error instanceof MergeRefusedError) {
        const { refusal } = error;
        throw new ApiError(
          refusal.refused,
          refusal.message,
          refusal.refused === 'merge_conflict' ? refusal.details : [],
        );
      }
      if (error instanceof ConcurrentMergesError) {
        throw new ApiError('conflict', `The actor kept changing (${error.message}); retry.`);
      }
      throw error;
    }
  }
}

/** The outcome as sent: `duplicate` only on a repeat. */
function answer({ duplicate, ...outcome }: MergeOutcome) {
  return duplicate ? { ...outcome, duplicate } : outcome;
}
