import { Controller, Get, Inject } from '@nestjs/common';
import { RequiresAccess } from '@app/http';
import { ProjectionStatus, ProjectionsStatus } from './projections-status.service';

@Controller('v1/projections')
@RequiresAccess('read')
export class ProjectionsController {
  constructor(@Inject(ProjectionsStatus) private readonly status: ProjectionsStatus) {}

  @Get()
  projections(): Promise<ProjectionStatus[]> {
    return this.status.report();
  }
}
