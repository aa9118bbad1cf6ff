import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { concatMap, Subject, Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { isNewsEvent } from '@app/contracts';
import { AppliedEvent, appliedEventsAfter, developmentViews } from '@app/read-model';
import type { ProjectedEvent } from '@app/read-model';
import { AppliedBatches } from '../projection/applied-batches';

const BACKLOG_PAGE = 500;

export interface Follower {
  send(event: AppliedEvent): void;
  end(): void;
}

/**
 * Developments as the live projection applies them, for streaming clients. A client that
 * resumes after a sequence first gets what it missed from the read model, then the live
 * events, each exactly once and in log order. The primary database is read, never a
 * replica, so a resumed client cannot miss what a lagging replica has not seen yet.
 */
@Injectable()
export class LiveDevelopments implements OnModuleDestroy {
  private readonly logger = new Logger('LiveDevelopments');
  private live = new Subject<AppliedEvent[]>();
  private readonly subscription: Subscription;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AppliedBatches) applied: AppliedBatches,
  ) {
    this.subscription = applied.batches
      .pipe(concatMap((events) => this.withDevelopments(events)))
      .subscribe((events) => {
        if (events.length > 0) this.live.next(events);
      });
  }

  /** Starts following; returns the function that stops. `after` null: live events only. */
  follow(after: number | null, follower: Follower): () => void {
    let last = after ?? 0;
    let catchingUp = after !== null;
    const missed: AppliedEvent[] = [];
    const deliver = (event: AppliedEvent) => {
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
    this.subscription.unsubscribe();
    this.live.complete();
  }

  private async catchUp(after: number, deliver: (event: AppliedEvent) => void): Promise<void> {
    for (let from = after; ;) {
      const page = await appliedEventsAfter(this.dataSource, from, BACKLOG_PAGE);
      page.forEach(deliver);
      if (page.length < BACKLOG_PAGE) return;
      from = page[page.length - 1].sequence;
    }
  }

  /** The batch's events with their developments as they stand; nothing if none is followed. */
  private async withDevelopments(events: ProjectedEvent[]): Promise<AppliedEvent[]> {
    if (!this.live.observed) return [];
    try {
      const developmentEvents = events.flatMap(({ sequence, event }) =>
        isNewsEvent(event) ? [{ sequence, event }] : [],
      );
      if (developmentEvents.length === 0) return [];
      const ids = [...new Set(developmentEvents.map(({ event }) => event.data.developmentId))];
      const views = await developmentViews(this.dataSource, ids);
      return developmentEvents.flatMap(({ sequence, event }) => {
        const development = views.get(event.data.developmentId);
        return development ? [{ type: event.type, sequence, development }] : [];
      });
    } catch (error) {
      // Followers would miss these: end their streams, they resume from their last event.
      this.logger.warn(`live developments unavailable: ${(error as Error).message}`);
      const followed = this.live;
      this.live = new Subject<AppliedEvent[]>();
      followed.complete();
      return [];
    }
  }
}
