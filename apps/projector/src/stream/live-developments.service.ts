import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { concatMap, Subject, Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { ACTOR_MERGED, isNewsEvent } from '@app/contracts';
import { AppliedEvent, appliedEventsAfter, developmentViews } from '@app/read-model';
import type { AppliedActorEvent, DevelopmentView } from '@app/read-model';
import type { ProjectedEvent } from '@app/read-model';
import { AppliedBatches } from '../projection/applied-batches';

const BACKLOG_PAGE = 500;

/** What a stream sends: developments as events leave them, and merges of actors. */
export type StreamedEvent = AppliedEvent | AppliedActorEvent;

export interface Follower {
  send(event: StreamedEvent): void;
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
  private live = new Subject<StreamedEvent[]>();
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
    this.subscription.unsubscribe();
    this.live.complete();
  }

  private async catchUp(after: number, deliver: (event: StreamedEvent) => void): Promise<void> {
    for (let from = after; ;) {
      const page = await appliedEventsAfter(this.dataSource, from, BACKLOG_PAGE);
      page.forEach(deliver);
      if (page.length < BACKLOG_PAGE) return;
      from = page[page.length - 1].sequence;
    }
  }

  /**
   * The batch's events, developments' with the development as it stands; nothing if none is
   * followed. Merges are sent live only: a client resuming after a gap reloads what it shows.
   */
  private async withDevelopments(events: ProjectedEvent[]): Promise<StreamedEvent[]> {
    if (!this.live.observed) return [];
    try {
      const ids = [
        ...new Set(
          events.flatMap(({ event }) => (isNewsEvent(event) ? [event.data.developmentId] : [])),
        ),
      ];
      const views =
        ids.length > 0
          ? await developmentViews(this.dataSource, ids)
          : new Map<string, DevelopmentView>();
      return events.flatMap(({ sequence, event }): StreamedEvent[] => {
        if (!isNewsEvent(event)) {
          const { actorId } = event.data;
          return event.type === ACTOR_MERGED
            ? [{ type: event.type, sequence, actorId, into: event.data.into }]
            : [{ type: event.type, sequence, actorId, from: event.data.from }];
        }
        const development = views.get(event.data.developmentId);
        return development ? [{ type: event.type, sequence, development }] : [];
      });
    } catch (error) {
      // Followers would miss these: end their streams, they resume from their last event.
      this.logger.warn(`live developments unavailable: ${(error as Error).message}`);
      const followed = this.live;
      this.live = new Subject<StreamedEvent[]>();
      followed.complete();
      return [];
    }
  }
}
