import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subject, Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { appliedPosition, PROJECTIONS } from '@app/read-model';
import { backoffDelay } from '@app/retry';
import { AppliedNotifications, AppliedSignal } from './applied-notifications';
import { ChangesOfEvent, readChangesAfter } from './changes-after';

const RETRY_BACKOFF = { initialMs: 100, maxMs: 5000 };
const PROJECTION_NAMES = PROJECTIONS.map((projection) => projection.name);

export interface ChangesFollower {
  send(event: ChangesOfEvent): void;
  end(): void;
}

/**
 * Position changes for streaming clients, read from the primary database whenever a batch
 * is committed, as LiveDevelopments reads developments: a client that resumes after a
 * sequence first gets the changes it missed, then live ones, each event's once and in log
 * order.
 */
@Injectable()
export class LiveChanges implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LiveChanges');
  private readonly live = new Subject<ChangesOfEvent[]>();
  private readonly subscription: Subscription;
  /** The applied sequence up to which changes were passed on (or passed over while nobody followed). */
  private head = 0;
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private failures = 0;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AppliedNotifications) notifications: AppliedNotifications,
  ) {
    this.subscription = notifications.applied.subscribe((signal) => this.onSignal(signal));
  }

  async onModuleInit(): Promise<void> {
    this.head = Math.max(this.head, await appliedPosition(this.dataSource, PROJECTION_NAMES));
  }

  /** Starts following; returns the function that stops. `after` null: live changes only. */
  follow(after: number | null, follower: ChangesFollower): () => void {
    let last = after ?? 0;
    let catchingUp = after !== null;
    const missed: ChangesOfEvent[] = [];
    const deliver = (event: ChangesOfEvent) => {
      if (event.sequence <= last) return;
      last = event.sequence;
      follower.send(event);
    };
    const subscription = this.live.subscribe({
      next: (events) => (catchingUp ? missed.push(...events) : events.forEach(deliver)),
      complete: () => follower.end(),
    });
    if (after !== null) {
      void readChangesAfter(this.dataSource, after, (events) => events.forEach(deliver))
        .then(() => {
          catchingUp = false;
          missed.splice(0).forEach(deliver);
        })
        .catch((error: unknown) => {
          this.logger.warn(`a stream could not catch up: ${(error as Error).message}`);
          follower.end();
        });
    }
    return () => subscription.unsubscribe();
  }

  /** Ends every stream, so that shutting down does not wait for clients to leave. */
  onModuleDestroy(): void {
    clearTimeout(this.retryTimer);
    this.subscription.unsubscribe();
    this.live.complete();
  }

  private onSignal(signal: AppliedSignal): void {
    if (signal.kind === 'applied' && !this.live.observed) {
      this.head = Math.max(this.head, signal.sequence);
      return;
    }
    this.readNew();
  }

  /** One read at a time; a signal during a read makes it look again when done. */
  private readNew(): void {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.readAgain = false;
    this.reading = this.readUntilCurrent()
      .then(() => {
        this.failures = 0;
      })
      .catch((error: unknown) => {
        // Followers wait: nothing is passed over, the read resumes after the same sequence.
        this.logger.warn(`live changes unavailable: ${(error as Error).message}`);
        const delay = backoffDelay(this.failures++, RETRY_BACKOFF);
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => this.readNew(), delay);
      })
      .finally(() => {
        this.reading = null;
        if (this.readAgain) this.readNew();
      });
  }

  private async readUntilCurrent(): Promise<void> {
    if (!this.live.observed) {
      const position = await appliedPosition(this.dataSource, PROJECTION_NAMES);
      // Someone may have started following meanwhile: then read what they would miss.
      if (!this.live.observed) {
        this.head = Math.max(this.head, position);
        return;
      }
    }
    const through = await readChangesAfter(this.dataSource, this.head, (events) => {
      this.head = Math.max(this.head, events[events.length - 1].sequence);
      this.live.next(events);
    });
    this.head = Math.max(this.head, through);
  }
}
