import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiError, notFound, RequiresAccess } from '@app/http';
import { RebuildConflictError, UnknownProjectionError } from './rebuild-state';
import type { RebuildState } from './rebuild-state';
import { Rebuilds } from './rebuilds.service';

@Controller('v1')
export class RebuildsController {
  constructor(@Inject(Rebuilds) private readonly rebuilds: Rebuilds) {}

  @Post('projections/:name/rebuild')
  @HttpCode(202)
  @RequiresAccess('admin')
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
  rebuildState(@Param('rebuildId') rebuildId: string): RebuildState {
    const state = this.rebuilds.get(rebuildId);
    if (!state) throw notFound(`Rebuild ${rebuildId}`);
    return state;
  }
}
