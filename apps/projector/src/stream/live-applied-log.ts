import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Observable, Subject, Subscription } from 'rxjs';
import { backoffDelay } from '@app/retry';
import type { AppliedSignal } from './applied-notifications';

const RETRY_BACKOFF = { initialMs: 100, maxMs: 5000 };

/** What a stream sends at one sequence of the applied log: an event, or what it changed. */
export interface Sequenced {
  sequence: number;
}

/** A streaming client: sent items in log order, then told when the stream ends. */
export interface LogFollower<T> {
  send(item: T): void;
  end(): void;
}

/** How one kind of item of the applied log is read from the primary database. */
export interface AppliedLogSource<T extends Sequenced> {
  /** What is followed, as warnings name it ("live changes"). */
  name: string;
  /** The sequence up to which the log is applied now. */
  position(): Promise<number>;
  /**
   * Every item after `after`, passed to `take` in log order, in batches that are never
   * empty. Returns the last sequence read through: every item up to it has been passed.
   */
  readAfter(after: number, take: (items: T[]) => void): Promise<number>;
}

export interface Warnings {
  warn(message: string): void;
}

/**
 * An applied log that clients follow, read from the primary database whenever a batch is
 * committed: each read's items go to every follower at once. A follower that resumes after
 * a sequence first gets what it missed, then live items, each exactly once and in log order.
 * It starts and ends with the module that provides it.
 */
export class LiveAppliedLog<T extends Sequenced> implements OnModuleInit, OnModuleDestroy {
  private readonly live = new Subject<T[]>();
  private readonly subscription: Subscription;
  /** The applied sequence up to which items were passed on (or passed over while nobody followed). */
  private head = 0;
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private failures = 0;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    signals: Observable<AppliedSignal>,
    private readonly source: AppliedLogSource<T>,
    private readonly logger: Warnings,
  ) {
    this.subscription = signals.subscribe((signal) => this.onSignal(signal));
  }

  /** Starts from the current position: what was applied before is only sent on resuming. */
  async onModuleInit(): Promise<void> {
    this.head = Math.max(this.head, await this.source.position());
  }

  /** Starts following; returns the function that stops. `after` null: live items only. */
  follow(after: number | null, follower: LogFollower<T>): () => void {
    let last = after ?? 0;
    let catchingUp = after !== null;
    const missed: T[] = [];
    const deliver = (item: T) => {
      if (item.sequence <= last) return;
      last = item.sequence;
      follower.send(item);
    };
    const subscription = this.live.subscribe({
      next: (items) => (catchingUp ? missed.push(...items) : items.forEach(deliver)),
      complete: () => follower.end(),
    });
    if (after !== null) {
      void this.source
        .readAfter(after, (items) => items.forEach(deliver))
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
        this.logger.warn(`${this.source.name} unavailable: ${(error as Error).message}`);
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
      const position = await this.source.position();
      // Someone may have started following meanwhile: then read what they would miss.
      if (!this.live.observed) {
        this.head = Math.max(this.head, position);
        return;
      }
    }
    const through = await this.source.readAfter(this.head, (items) => {
      this.head = Math.max(this.head, items[items.length - 1].sequence);
      this.live.next(items);
    });
    this.head = Math.max(this.head, through);
  }
}
