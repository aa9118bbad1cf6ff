import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Observable, Subject, Subscription } from 'rxjs';
import { backoffDelay } from '@app/retry';
import type { AppliedSignal } from './applied-notifications';

const RETRY_BACKOFF = { initialMs: 100, maxMs: 5000 };

/** What a stream sends at one sequence of the applied log: an event, or what it changed. */
export interface Sequenced {
  sequence: number;
}

/**
 * A streaming client: sent items in log order, then told when the stream ends. A client that
 * has taken all it can for now says so; it is sent nothing more until it is ready again.
 */
export interface LogFollower<T> {
  /** Returns false when the client is full: nothing more is sent until `whenReady` calls back. */
  send(item: T): boolean;
  /** Calls `ready` once, when a full client has taken what it was sent. */
  whenReady(ready: () => void): void;
  end(): void;
}

/** Passed a batch of a read; returns false to end the read after it. */
export type TakeItems<T> = (items: T[]) => boolean | void;

/** How one kind of item of the applied log is read from the primary database. */
export interface AppliedLogSource<T extends Sequenced> {
  /** What is followed, as warnings name it ("live changes"). */
  name: string;
  /** The sequence up to which the log is applied now. */
  position(): Promise<number>;
  /**
   * Every item after `after`, passed to `take` in log order, in batches that are never
   * empty, until `take` returns false. Returns the last sequence read through: every item up
   * to it has been passed.
   */
  readAfter(after: number, take: TakeItems<T>): Promise<number>;
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

  /**
   * Starts following; returns the function that stops. `after` null: live items only.
   *
   * A follower is `live` (sent each read as it is made), `reading` (sent what it missed
   * from the database; live items meanwhile wait in `missed`), or `full` (sent nothing; what
   * it misses is read from the database when it is ready). A slow client therefore costs a
   * bounded buffer and reads at its own pace, and is never cut off.
   */
  follow(after: number | null, follower: LogFollower<T>): () => void {
    let last = after ?? 0;
    let state: 'live' | 'reading' | 'full' = 'live';
    let stopped = false;
    const missed: T[] = [];
    /** Sends the items after `last`; false when the follower filled up. */
    const sendNewer = (items: readonly T[]): boolean => {
      for (const item of items) {
        if (item.sequence <= last) continue;
        last = item.sequence;
        if (!follower.send(item)) return false;
      }
      return true;
    };
    const waitUntilReady = () => {
      state = 'full';
      missed.length = 0;
      follower.whenReady(catchUp);
    };
    const catchUp = () => {
      if (stopped) return;
      state = 'reading';
      let filled = false;
      this.source
        .readAfter(last, (items) => {
          filled = !sendNewer(items);
          return !filled;
        })
        .then(() => {
          if (stopped) return;
          if (filled) return waitUntilReady();
          state = 'live';
          if (!sendNewer(missed.splice(0))) waitUntilReady();
        })
        .catch((error: unknown) => {
          this.logger.warn(`a stream could not catch up: ${(error as Error).message}`);
          follower.end();
        });
    };
    const subscription = this.live.subscribe({
      next: (items) => {
        if (state === 'reading') missed.push(...items);
        else if (state === 'live' && !sendNewer(items)) waitUntilReady();
      },
      complete: () => follower.end(),
    });
    if (after !== null) catchUp();
    return () => {
      stopped = true;
      subscription.unsubscribe();
    };
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
