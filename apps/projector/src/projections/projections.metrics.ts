import { Inject, Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { ProjectionsStatus, ProjectionStatus } from './projections-status.service';

/** Position and lag of every projection, read when Prometheus scrapes. */
@Injectable()
export class ProjectionsMetrics {
  constructor(
    @Inject(Registry) registry: Registry,
    @Inject(ProjectionsStatus) status: ProjectionsStatus,
  ) {
    const gauge = (name: string, help: string, value: (p: ProjectionStatus) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['projection'],
        registers: [registry],
        async collect() {
          for (const projection of await status.report()) {
            this.set({ projection: projection.name }, value(projection));
          }
        },
      });
    gauge('newsline_projection_position', 'Last log sequence applied', (p) => p.position);
    gauge('newsline_projection_lag', 'Events in the log not applied yet', (p) => p.lag);
  }
}
