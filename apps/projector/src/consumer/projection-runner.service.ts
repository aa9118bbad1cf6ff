import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReceivedMessage } from '@app/jetstream';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import {
  applyBatch,
  PROJECTIONS,
  readCheckpoints,
  refreshStatistics,
  shouldRefreshStatistics,
} from '@app/read-model';
import { PoisonEvents } from './poison-events';
import { ProjectionMetrics } from './projection.metrics';
import { ProjectionWrites } from './projection-writes';

/** Decodes a batch of log messages and applies it to every projection, committed together. */
@Injectable()
export class ProjectionRunner {
  readonly projections = PROJECTIONS;
  private readonly logger = new Logger('Projection');
  private appliedSinceStatistics = 0;
  private refreshing?: Promise<void>;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ProjectionWrites) private readonly writes: ProjectionWrites,
    @Inject(ProjectionMetrics) private readonly metrics: ProjectionMetrics,
    @Inject(PoisonEvents) private readonly poison: PoisonEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async apply(messages: ReceivedMessage[]): Promise<void> {
    const batch = await this.poison.decode(messages, true);
    await this.poison.applySettingAsideRefused(batch, messages, (events, through) =>
      this.metrics.timeBatch(events.length, () =>
        applyBatch(this.writes, this.projections, events, { through }),
      ),
    );
    const { events } = batch;
    this.appliedSinceStatistics += events.length;
    this.refreshStatisticsAfterBulkLoad(messages.length);
    this.logger.debug({
      msg: 'applied a batch',
      events: events.length,
      fromSequence: events[0]?.sequence,
      toSequence: events[events.length - 1]?.sequence,
      correlationIds: [...new Set(events.map(({ event }) => event.correlationId))],
    });
  }

  /** In the background: applying goes on while PostgreSQL samples the tables. */
  private refreshStatisticsAfterBulkLoad(batchSize: number): void {
    const due = shouldRefreshStatistics(
      this.appliedSinceStatistics,
      batchSize,
      this.config.PROJECTOR_BATCH_SIZE,
    );
    if (!due || this.refreshing) return;
    this.appliedSinceStatistics = 0;
    const tables = this.projections.flatMap((projection) => projection.tables);
    this.refreshing = refreshStatistics(this.dataSource, tables)
      .catch((error: unknown) =>
        this.logger.warn(`could not refresh the planner's statistics: ${(error as Error).message}`),
      )
      .finally(() => (this.refreshing = undefined));
  }

  /** The lowest checkpoint: the log is consumed again from just after it. */
  async resumeAfter(): Promise<number> {
    const positions = await this.positions();
    return Math.min(...positions.values());
  }

  positions(): Promise<Map<string, number>> {
    return readCheckpoints(
      this.dataSource,
      this.projections.map((projection) => projection.name),
    );
  }
}
