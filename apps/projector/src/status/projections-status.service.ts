import type { ProjectionStatus } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConsumerState, DeadLetterQueue, NatsConnection } from '@app/jetstream';
import { ProjectionRunner } from '../consumer/projection-runner.service';
import { ProjectorLease } from '../consumer/projector-lease';
import { Rebuilds } from '../rebuild/rebuilds.service';

/** Where each projection stands against the head of the log. */
@Injectable()
export class ProjectionsStatus {
  private lastKnownHead = 0;
  private lastKnownDeadLetters = 0;

  constructor(
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(ConsumerState) private readonly consumer: ConsumerState,
    @Inject(NatsConnection) private readonly connection: NatsConnection,
    @Inject(Rebuilds) private readonly rebuilds: Rebuilds,
    @Inject(ProjectorLease) private readonly lease: ProjectorLease,
    @Inject(DeadLetterQueue) private readonly deadLetters: DeadLetterQueue,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async report(): Promise<ProjectionStatus[]> {
    const [positions, head, deadLetters, activeInstance] = await Promise.all([
      this.runner.positions(),
      this.head(),
      this.deadLetterCount(),
      this.lease.holder(this.dataSource),
    ]);
    const stalled = this.consumer.status === 'stalled' || !this.connection.isReady;
    const running = this.rebuilds.running();
    return [...positions].map(([name, position]) => {
      const rebuild = running.find((state) => state.projections.includes(name));
      return {
        name,
        status: stalled ? 'stalled' : rebuild ? 'rebuilding' : 'live',
        position,
        head: Math.max(head, position),
        lag: Math.max(0, head - position),
        rebuild: rebuild
          ? {
              rebuildId: rebuild.rebuildId,
              position: rebuild.position,
              head: Math.max(rebuild.head, head),
              eventsPerSecond: rebuild.eventsPerSecond,
              startedAt: rebuild.startedAt,
            }
          : null,
        error: stalled ? (this.consumer.lastError ?? 'not connected to NATS') : null,
        deadLetters,
        lease: this.lease.held ? 'held' : 'waiting',
        instance: this.lease.instance,
        activeInstance,
      };
    });
  }

  private async deadLetterCount(): Promise<number> {
    try {
      this.lastKnownDeadLetters = await this.deadLetters.count();
    } catch {
      // As for the head: the last figure known.
    }
    return this.lastKnownDeadLetters;
  }

  /** The log's last sequence; the last one seen while NATS cannot be asked. */
  private async head(): Promise<number> {
    try {
      const info = await this.connection
        .jetStreamManager()
        .streams.info(this.connection.streamName);
      this.lastKnownHead = info.state.last_seq;
    } catch {
      // Reported through status; the figure stays the last one known.
    }
    return this.lastKnownHead;
  }
}
