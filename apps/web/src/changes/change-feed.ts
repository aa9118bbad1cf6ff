import type { ApiClient } from '../api/api-client';
import { POLL_INTERVAL_MS, StreamConnection } from '../live/stream-connection';
import type { ModeListener, ModeSource } from '../live/stream-connection';
import { Listeners } from '../shared/listeners';
import { parseChangeEvent } from './change-event';
import { fetchChangesAfter } from './changes-api';
import type { PositionChange } from './position-change';

/**
 * Position changes as the projector applies them, from `GET /v1/stream?kind=changes`, for as
 * long as `signal` lasts. Where reads need a token (which an EventSource cannot send) or the
 * stream is not available, the feed asks `GET /v1/changes` every 3 s instead and reports
 * 'polling'. A change may come twice (a resumed stream, a poll): listeners keep it once.
 */
export class ChangeFeed implements ModeSource {
  private lastSequence: number | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private polling = false;
  private readonly changeListeners = new Listeners<[PositionChange]>();
  private readonly stream: StreamConnection;

  constructor(
    private readonly api: ApiClient,
    hasToken: () => boolean,
    private readonly signal: AbortSignal,
  ) {
    this.stream = new StreamConnection({
      name: 'stream of changes',
      liveExplanation: 'Changes arrive as they are applied.',
      query: { kind: 'changes' },
      resumeAfter: () => (this.lastSequence === undefined ? undefined : String(this.lastSequence)),
      hasToken,
      events: {
        change: (message) => {
          const change = parseChangeEvent(message.data);
          if (change) this.emit(change);
        },
      },
      onOpen: () => this.stopPolling(),
      onPolling: () => this.startPolling(),
    });
    signal.addEventListener('abort', () => this.close(), { once: true });
  }

  /** Opens the stream; `after` is the log sequence the page's changes already reflect. */
  start(after: number | undefined): void {
    if (this.signal.aborted) return;
    this.lastSequence = after;
    this.stream.open();
  }

  onChange(listener: (change: PositionChange) => void): () => void {
    return this.changeListeners.add(listener);
  }

  onMode(listener: ModeListener): () => void {
    return this.stream.onMode(listener);
  }

  private emit(change: PositionChange): void {
    this.lastSequence = Math.max(this.lastSequence ?? 0, change.sequence);
    this.changeListeners.emit(change);
  }

  private startPolling(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = setInterval(() => void this.poll(), POLL_INTERVAL_MS);
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
    this.stream.close();
    this.stopPolling();
    this.changeListeners.clear();
  }
}
