import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { projectionStatusListSchema } from '@app/contracts';
import { ApiErrorResponses, ApiZodResponse, RequiresAccess } from '@app/http';
import { DATABASE_UNAVAILABLE } from '../openapi/query-errors';
import type { ProjectionStatus } from '@app/contracts';
import { ProjectionsStatus } from './projections-status.service';

@ApiTags('projections')
@Controller('v1/projections')
@RequiresAccess('read')
export class ProjectionsController {
  constructor(@Inject(ProjectionsStatus) private readonly status: ProjectionsStatus) {}

  @Get()
  @ApiOperation({ summary: 'Where each projection stands against the head of the log' })
  @ApiZodResponse(200, projectionStatusListSchema, 'One entry per projection.')
  @ApiErrorResponses({ 503: DATABASE_UNAVAILABLE })
  projections(): Promise<ProjectionStatus[]> {
    return this.status.report();
  }
}
