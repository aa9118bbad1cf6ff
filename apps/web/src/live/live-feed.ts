import type { ActorStreamEvent, Development } from '@app/client';
import { Listeners } from '../shared/listeners';
import { StreamConnection } from './stream-connection';
import type { ModeListener, ModeSource } from './stream-connection';
import { parseActorStreamEvent, parseStreamEvent } from './stream-event';

/**
 * Developments, and merges of actors, as the projector applies them, from GET /v1/stream.
 * Where reads need a token the stream fails for good: the feed then reports 'polling' and
 * pages poll instead.
 */
export class LiveFeed implements ModeSource {
  private lastEventId: string | undefined;
  private readonly developmentListeners = new Listeners<[Development]>();
  private readonly actorListeners = new Listeners<[ActorStreamEvent]>();
  private readonly stream: StreamConnection;

  /** `hasToken`: whether reads carry a token, which a stream cannot (for the explanation). */
  constructor(hasToken: () => boolean = () => false) {
    this.stream = new StreamConnection({
      name: 'update stream',
      liveExplanation: 'Updates arrive as they happen.',
      resumeAfter: () => this.lastEventId,
      hasToken,
      events: {
        development: (message) => {
          this.keepEventId(message);
          const event = parseStreamEvent(message.data);
          if (event) this.developmentListeners.emit(event.development);
        },
        actor: (message) => {
          this.keepEventId(message);
          const event = parseActorStreamEvent(message.data);
          if (event) this.actorListeners.emit(event);
        },
      },
    });
  }

  /** Opens the stream; `after` is the log sequence the page's data already reflects. */
  start(after: number | undefined): void {
    if (after !== undefined) this.lastEventId = String(after);
    this.stream.open();
  }

  /** Tries the stream again now, such as after the reader signed in. */
  reconnect(): void {
    this.stream.reopen();
  }

  onDevelopment(listener: (development: Development) => void): () => void {
    return this.developmentListeners.add(listener);
  }

  /** Merges and unmerges, once the read models show them. */
  onActor(listener: (event: ActorStreamEvent) => void): () => void {
    return this.actorListeners.add(listener);
  }

  onMode(listener: ModeListener): () => void {
    return this.stream.onMode(listener);
  }

  private keepEventId(message: MessageEvent<string>): void {
    if (message.lastEventId) this.lastEventId = message.lastEventId;
  }
}
