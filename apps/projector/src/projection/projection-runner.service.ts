import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeEvent } from '@app/contracts';
import { ReceivedMessage } from '@app/jetstream';
import { applyBatch, PROJECTIONS, ProjectedEvent, readCheckpoints } from '@app/read-model';
import { ProjectionMetrics } from './projection.metrics';

/** Decodes a batch of log messages and applies it to every projection in one transaction. */
@Injectable()
export class ProjectionRunner {
  readonly projections = PROJECTIONS;
  private readonly logger = new Logger('Projection');

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ProjectionMetrics) private readonly metrics: ProjectionMetrics,
  ) {}

  async apply(messages: ReceivedMessage[]): Promise<void> {
    const events: ProjectedEvent[] = messages.map((message) => ({
      sequence: message.sequence,
      event: decodeEvent(message.data),
    }));
    await this.metrics.timeBatch(events.length, () =>
      applyBatch(this.dataSource, this.projections, events),
    );
    this.logger.debug({
      msg: 'applied a batch',
      events: events.length,
      fromSequence: events[0]?.sequence,
      toSequence: events[events.length - 1]?.sequence,
      correlationIds: [...new Set(events.map(({ event }) => event.correlationId))],
    });
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
