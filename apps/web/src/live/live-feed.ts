import type { ActorStreamEvent, Development } from '@app/client';
import { parseActorStreamEvent, parseStreamEvent } from './stream-event';
import type { LiveMode } from './stream-event';

/** While the stream cannot be used, pages poll this often. */
export const POLL_INTERVAL_MS = 3_000;
/** A stream that failed for good is tried again after this long (unless a token is needed). */
const RETRY_STREAM_MS = 30_000;

type DevelopmentListener = (development: Development) => void;
type ActorListener = (event: ActorStreamEvent) => void;
/** `note` is a short word on why, for the indicator; `explanation` says it in full. */
export type ModeListener = (mode: LiveMode, explanation: string, note: string) => void;

/** Something whose updates the live indicator can follow. */
export interface ModeSource {
  /** Calls the listener with the current mode at once, and on every change. */
  onMode(listener: ModeListener): () => void;
}

/**
 * Developments, and merges of actors, as the projector applies them, from GET /v1/stream. The browser's
 * EventSource reconnects by itself and resumes with Last-Event-ID. It cannot send an
 * Authorization header, so where reads need a token the stream fails for good: the feed
 * then reports 'polling' and pages poll instead.
 */
export class LiveFeed implements ModeSource {
  private source: EventSource | undefined;
  private lastEventId: string | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly developmentListeners = new Set<DevelopmentListener>();
  private readonly actorListeners = new Set<ActorListener>();
  private readonly modeListeners = new Set<ModeListener>();
  private mode: LiveMode = 'connecting';
  private explanation = 'Opening the update stream.';
  private note = '';

  /** `hasToken`: whether reads carry a token, which a stream cannot (for the explanation). */
  constructor(private readonly hasToken: () => boolean = () => false) {}

  /** Opens the stream; `after` is the log sequence the page's data already reflects. */
  start(after: number | undefined): void {
    if (after !== undefined) this.lastEventId = String(after);
    this.open();
  }

  /** Tries the stream again now, such as after the reader signed in. */
  reconnect(): void {
    this.source?.close();
    this.open();
  }

  onDevelopment(listener: DevelopmentListener): () => void {
    this.developmentListeners.add(listener);
    return () => this.developmentListeners.delete(listener);
  }

  /** Merges and unmerges, once the read models show them. */
  onActor(listener: ActorListener): () => void {
    this.actorListeners.add(listener);
    return () => this.actorListeners.delete(listener);
  }

  onMode(listener: ModeListener): () => void {
    this.modeListeners.add(listener);
    listener(this.mode, this.explanation, this.note);
    return () => this.modeListeners.delete(listener);
  }

  private open(): void {
    clearTimeout(this.retryTimer);
    const url = this.lastEventId
      ? `/v1/stream?lastEventId=${encodeURIComponent(this.lastEventId)}`
      : '/v1/stream';
    const source = new EventSource(url);
    this.source = source;
    source.addEventListener('open', () => this.setMode('live', 'Updates arrive as they happen.'));
    source.addEventListener('development', (message: MessageEvent<string>) => {
      if (message.lastEventId) this.lastEventId = message.lastEventId;
      const event = parseStreamEvent(message.data);
      if (event) this.developmentListeners.forEach((listener) => listener(event.development));
    });
    source.addEventListener('actor', (message: MessageEvent<string>) => {
      if (message.lastEventId) this.lastEventId = message.lastEventId;
      const event = parseActorStreamEvent(message.data);
      if (event) this.actorListeners.forEach((listener) => listener(event));
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CONNECTING) {
        this.setMode('reconnecting', 'The connection to the projector was lost; retrying.');
        return;
      }
      source.close();
      this.fallBackToPolling();
    });
  }

  private fallBackToPolling(): void {
    if (this.hasToken()) {
      this.setMode(
        'polling',
        'Reads need a token, which the browser cannot send on an update stream: the page asks again every 3 s.',
        'token in use',
      );
      return;
    }
    this.setMode(
      'polling',
      'The update stream is not available: the page asks again every 3 s and tries the stream again every 30 s.',
      'no stream',
    );
    this.retryTimer = setTimeout(() => this.open(), RETRY_STREAM_MS);
  }

  private setMode(mode: LiveMode, explanation: string, note = ''): void {
    this.mode = mode;
    this.explanation = explanation;
    this.note = note;
    this.modeListeners.forEach((listener) => listener(mode, explanation, note));
  }
}
