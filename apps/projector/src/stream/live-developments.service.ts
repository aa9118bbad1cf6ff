import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subject, Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { appliedEventsAfter, lastAppliedEvent } from '@app/read-model';
import type { AppliedLogEvent } from '@app/read-model';
import { backoffDelay } from '@app/retry';
import { AppliedNotifications, AppliedSignal } from './applied-notifications';

const PAGE = 500;
const RETRY_BACKOFF = { initialMs: 100, maxMs: 5000 };

/** What a stream sends: developments as events leave them, and merges of actors. */
export type StreamedEvent = AppliedLogEvent;

export interface Follower {
  send(event: StreamedEvent): void;
  end(): void;
}

/**
 * Applied events for streaming clients, read from the primary database whenever a batch is
 * committed, by this projector or any other: a standby streams as the active one does. A
 * client that resumes after a sequence first gets what it missed, then the live events,
 * each exactly once and in log order. A replica is never read, so a resumed client cannot
 * miss what a lagging replica has not seen yet.
 */
@Injectable()
export class LiveDevelopments implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LiveDevelopments');
  private readonly live = new Subject<StreamedEvent[]>();
  private readonly subscription: Subscription;
  /** The last applied sequence passed on (or passed over while nobody followed). */
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
    this.head = Math.max(this.head, await lastAppliedEvent(this.dataSource));
  }

  /** Starts following; returns the function that stops. `after` null: live events only. */
  follow(after: number | null, follower: Follower): () => void {
    let last = after ?? 0;
    let catchingUp = after !== null;
    const missed: StreamedEvent[] = [];
    const deliver = (event: StreamedEvent) => {
      if (event.sequence <= last) return;
      last = event.sequence;
      follower.send(event);
    };
    const subscription = this.live.subscribe({
      next: (events) => (catchingUp ? missed.push(...events) : events.forEach(deliver)),
      complete: () => follower.end(),
    });
    if (after !== null) {
      void this.catchUp(after, deliver)
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
    // Nobody to send to: remember how far the log went. A client joining later reads the
    // database after this, where the batch is already committed.
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
        this.logger.warn(`live events unavailable: ${(error as Error).message}`);
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
      const last = await lastAppliedEvent(this.dataSource);
      // Someone may have started following meanwhile: then read what they would miss.
      if (!this.live.observed) {
        this.head = Math.max(this.head, last);
        return;
      }
    }
    for (;;) {
      const page = await appliedEventsAfter(this.dataSource, this.head, PAGE);
      if (page.length > 0) {
        this.head = Math.max(this.head, page[page.length - 1].sequence);
        this.live.next(page);
      }
      if (page.length < PAGE) return;
    }
  }

  private async catchUp(after: number, deliver: (event: StreamedEvent) => void): Promise<void> {
    for (let from = after; ;) {
      const page = await appliedEventsAfter(this.dataSource, from, PAGE);
      page.forEach(deliver);
      if (page.length < PAGE) return;
      from = page[page.length - 1].sequence;
    }
  }
}
