import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { rebuildStartedSchema, rebuildStateSchema } from '@app/contracts';
import {
  ApiError,
  ApiErrorResponses,
  ApiTakesNoBody,
  ApiWriteRateLimit,
  ApiZodParam,
  ApiZodResponse,
  notFound,
  RequiresAccess,
} from '@app/http';
import { PROJECTION_NAMES } from '@app/read-model';
import { RebuildConflictError, UnknownProjectionError } from './rebuild.errors';
import type { RebuildState } from '@app/contracts';
import { Rebuilds } from './rebuilds.service';

const rebuildable = z.enum(['all', ...PROJECTION_NAMES]);

@ApiTags('projections')
@Controller('v1')
export class RebuildsController {
  constructor(@Inject(Rebuilds) private readonly rebuilds: Rebuilds) {}

  @Post('projections/:name/rebuild')
  @HttpCode(202)
  @RequiresAccess('admin')
  @ApiWriteRateLimit()
  @ApiOperation({
    summary: 'Rebuild a projection from the log',
    description:
      'Replays the log from its first event into a copy of the read model while queries keep ' +
      'answering from the current one; once the copy has caught up, it replaces it at once.',
  })
  @ApiZodParam('name', rebuildable, 'The projection, or `all`.')
  @ApiZodResponse(202, rebuildStartedSchema, 'Started; follow it at GET /v1/rebuilds/{rebuildId}.')
  @ApiErrorResponses({
    400: 'A body was sent that is not valid JSON; this route takes none.',
    404: 'No projection has this name.',
    409: 'A rebuild of this projection is already running.',
  })
  @ApiTakesNoBody()
  rebuild(@Param('name') name: string): { rebuildId: string } {
    try {
      return { rebuildId: this.rebuilds.start(name).rebuildId };
    } catch (error) {
      if (error instanceof UnknownProjectionError) throw notFound(`Projection "${name}"`);
      if (error instanceof RebuildConflictError) throw new ApiError('conflict', error.message);
      throw error;
    }
  }

  @Get('rebuilds/:rebuildId')
  @RequiresAccess('read')
  @ApiOperation({ summary: 'Follow a rebuild' })
  @ApiZodParam('rebuildId', z.string(), 'The rebuildId its start answered.')
  @ApiZodResponse(200, rebuildStateSchema, 'Where the rebuild stands.')
  @ApiErrorResponses({ 404: 'No rebuild has this id since the projector started.' })
  rebuildState(@Param('rebuildId') rebuildId: string): RebuildState {
    const state = this.rebuilds.get(rebuildId);
    if (!state) throw notFound(`Rebuild ${rebuildId}`);
    return state;
  }
}
