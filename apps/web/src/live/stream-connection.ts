import { Listeners } from '../shared/listeners';
import type { LiveMode } from './stream-event';

/** While the stream cannot be used, pages poll this often. */
export const POLL_INTERVAL_MS = 3_000;
/** A stream that failed for good is tried again after this long (unless a token is needed). */
const RETRY_STREAM_MS = 30_000;

/** `note` is a short word on why, for the indicator; `explanation` says it in full. */
export type ModeListener = (mode: LiveMode, explanation: string, note: string) => void;

/** Something whose updates the live indicator can follow. */
export interface ModeSource {
  /** Calls the listener with the current mode at once, and on every change. */
  onMode(listener: ModeListener): () => void;
}

export interface StreamOptions {
  /** What the explanations call the stream, such as 'update stream'. */
  name: string;
  /** The explanation while the stream is open. */
  liveExplanation: string;
  /** The query of GET /v1/stream besides the point to resume after, such as `kind`. */
  query?: Record<string, string>;
  /** The id of the last event the page has, which the stream resumes after; none if undefined. */
  resumeAfter: () => string | undefined;
  /** Whether reads carry a token, which a stream cannot (for the explanation). */
  hasToken: () => boolean;
  /** What to do with the messages of each event type. */
  events: Record<string, (message: MessageEvent<string>) => void>;
  /** Called as the stream opens, before the mode turns 'live'. */
  onOpen?: () => void;
  /** Called as the stream fails for good, before the mode turns 'polling'. */
  onPolling?: () => void;
}

/**
 * One GET /v1/stream and the mode it is in. The browser's EventSource reconnects by itself
 * and resumes with Last-Event-ID. It cannot send an Authorization header, so where reads
 * need a token the stream fails for good: the mode turns 'polling', and the page polls
 * instead. Without a token, a stream that failed for good is tried again after a while.
 */
export class StreamConnection implements ModeSource {
  private source: EventSource | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly modeListeners = new Listeners<Parameters<ModeListener>>();
  private mode: LiveMode = 'connecting';
  private explanation: string;
  private note = '';

  constructor(private readonly options: StreamOptions) {
    this.explanation = `Opening the ${options.name}.`;
  }

  onMode(listener: ModeListener): () => void {
    const remove = this.modeListeners.add(listener);
    listener(this.mode, this.explanation, this.note);
    return remove;
  }

  open(): void {
    clearTimeout(this.retryTimer);
    const source = new EventSource(this.url());
    this.source = source;
    source.addEventListener('open', () => {
      this.options.onOpen?.();
      this.setMode('live', this.options.liveExplanation);
    });
    for (const [type, handle] of Object.entries(this.options.events)) {
      source.addEventListener(type, handle);
    }
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CONNECTING) {
        this.setMode('reconnecting', 'The connection to the projector was lost; retrying.');
        return;
      }
      source.close();
      this.fallBackToPolling();
    });
  }

  /** Closes the stream and opens it again now. */
  reopen(): void {
    this.source?.close();
    this.open();
  }

  /** Closes the stream for good; the mode is followed no more. */
  close(): void {
    this.source?.close();
    clearTimeout(this.retryTimer);
    this.modeListeners.clear();
  }

  private url(): string {
    const query = new URLSearchParams(this.options.query);
    const resumeAfter = this.options.resumeAfter();
    if (resumeAfter) query.set('lastEventId', resumeAfter);
    const search = query.toString();
    return search ? `/v1/stream?${search}` : '/v1/stream';
  }

  private fallBackToPolling(): void {
    this.options.onPolling?.();
    if (this.options.hasToken()) {
      this.setMode(
        'polling',
        'Reads need a token, which the browser cannot send on an update stream: the page asks again every 3 s.',
        'token in use',
      );
      return;
    }
    this.setMode(
      'polling',
      `The ${this.options.name} is not available: the page asks again every 3 s and tries the stream again every 30 s.`,
      'no stream',
    );
    this.retryTimer = setTimeout(() => this.open(), RETRY_STREAM_MS);
  }

  private setMode(mode: LiveMode, explanation: string, note = ''): void {
    this.mode = mode;
    this.explanation = explanation;
    this.note = note;
    this.modeListeners.emit(mode, explanation, note);
  }
}
