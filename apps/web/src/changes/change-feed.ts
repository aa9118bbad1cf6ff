import type { ApiClient } from '../api/api-client';
import { POLL_INTERVAL_MS } from '../live/live-feed';
import type { ModeListener, ModeSource } from '../live/live-feed';
import type { LiveMode } from '../live/stream-event';
import { parseChangeEvent } from './change-event';
import { fetchChangesAfter } from './changes-api';
import type { PositionChange } from './position-change';

/** A stream that failed for good is tried again after this long (unless a token is needed). */
const RETRY_STREAM_MS = 30_000;

type ChangeListener = (change: PositionChange) => void;

/**
 * Position changes as the projector applies them, from `GET /v1/stream?kind=changes`, for as
 * long as `signal` lasts. The browser's EventSource reconnects by itself and resumes with
 * Last-Event-ID. Where reads need a token (which an EventSource cannot send) or the stream is
 * not available, the feed asks `GET /v1/changes` every 3 s instead and reports 'polling'.
 * A change may come twice (a resumed stream, a poll): listeners keep it once.
 */
export class ChangeFeed implements ModeSource {
  private source: EventSource | undefined;
  private lastSequence: number | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private polling = false;
  private readonly changeListeners = new Set<ChangeListener>();
  private readonly modeListeners = new Set<ModeListener>();
  private mode: LiveMode = 'connecting';
  private explanation = 'Opening the stream of changes.';
  private note = '';

  constructor(
    private readonly api: ApiClient,
    private readonly hasToken: () => boolean,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.close(), { once: true });
  }

  /** Opens the stream; `after` is the log sequence the page's changes already reflect. */
  start(after: number | undefined): void {
    if (this.signal.aborted) return;
    this.lastSequence = after;
    this.open();
  }

  onChange(listener: ChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onMode(listener: ModeListener): () => void {
    this.modeListeners.add(listener);
    listener(this.mode, this.explanation, this.note);
    return () => this.modeListeners.delete(listener);
  }

  private open(): void {
    clearTimeout(this.retryTimer);
    const query = new URLSearchParams({ kind: 'changes' });
    if (this.lastSequence !== undefined) query.set('lastEventId', String(this.lastSequence));
    const source = new EventSource(`/v1/stream?${query.toString()}`);
    this.source = source;
    source.addEventListener('open', () => {
      this.stopPolling();
      this.setMode('live', 'Changes arrive as they are applied.');
    });
    source.addEventListener('change', (message: MessageEvent<string>) => {
      const change = parseChangeEvent(message.data);
      if (change) this.emit(change);
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

  private emit(change: PositionChange): void {
    this.lastSequence = Math.max(this.lastSequence ?? 0, change.sequence);
    this.changeListeners.forEach((listener) => listener(change));
  }

  private fallBackToPolling(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = setInterval(() => void this.poll(), POLL_INTERVAL_MS);
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
      'The stream of changes is not available: the page asks again every 3 s and tries the stream again every 30 s.',
      'no stream',
    );
    this.retryTimer = setTimeout(() => this.open(), RETRY_STREAM_MS);
  }

  private async poll(): Promise<void> {
    if (this.polling || this.signal.aborted) return;
    this.polling = true;
    try {
      const changes = await fetchChangesAfter(this.api, {}, this.lastSequence, this.signal);
      changes.forEach((change) => this.emit(change));
    } catch {
      // Asked again at the next tick.
    } finally {
      this.polling = false;
    }
  }

  private stopPolling(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private close(): void {
    this.source?.close();
    this.stopPolling();
    clearTimeout(this.retryTimer);
    this.changeListeners.clear();
    this.modeListeners.clear();
  }

  private setMode(mode: LiveMode, explanation: string, note = ''): void {
    this.mode = mode;
    this.explanation = explanation;
    this.note = note;
    this.modeListeners.forEach((listener) => listener(mode, explanation, note));
  }
}
