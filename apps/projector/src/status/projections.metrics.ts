import { Inject, Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import type { ProjectionStatus } from '@app/contracts';
import { ProjectionsStatus } from './projections-status.service';

/** Position, lag and health of every projection, read when Prometheus scrapes. */
@Injectable()
export class ProjectionsMetrics {
  private report: Promise<ProjectionStatus[]> | undefined;

  constructor(
    @Inject(Registry) registry: Registry,
    @Inject(ProjectionsStatus) private readonly status: ProjectionsStatus,
  ) {
    const read = () => this.sharedReport();
    const gauge = (name: string, help: string, value: (p: ProjectionStatus) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['projection'],
        registers: [registry],
        async collect() {
          for (const projection of await read()) {
            this.set({ projection: projection.name }, value(projection));
          }
        },
      });
    gauge('newsline_projection_position', 'Last log sequence applied', (p) => p.position);
    gauge('newsline_projection_lag', 'Events in the log not applied yet', (p) => p.lag);
    gauge(
      'newsline_projection_stalled',
      '1 while the log consumer is stalled (retrying a batch it cannot apply) or NATS is unreachable',
      (p) => (p.status === 'stalled' ? 1 : 0),
    );
  }

  /**
   * The registry collects every gauge at once on a scrape: they share one report (a few
   * queries to NATS and PostgreSQL) instead of asking for one each.
   */
  private sharedReport(): Promise<ProjectionStatus[]> {
    this.report ??= this.status.report().finally(() => (this.report = undefined));
    return this.report;
  }
}
