import { Controller, Get, Inject } from '@nestjs/common';
import { ProjectionStatus, ProjectionsStatus } from './projections-status.service';

@Controller('v1/projections')
export class ProjectionsController {
  constructor(@Inject(ProjectionsStatus) private readonly status: ProjectionsStatus) {}

  @Get()
  projections(): Promise<ProjectionStatus[]> {
    return this.status.report();
  }
}
