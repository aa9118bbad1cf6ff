import type { ModeSource } from './stream-connection';
import { liveModeText } from './stream-event';
import type { LiveMode } from './stream-event';

const PAUSED_EXPLANATION =
  'This page shows the log as known at an earlier moment and does not change; choose Now to follow updates again.';

/**
 * Keeps the header's indicator in step with the feed: text, colour class and explanation.
 * A page with a stream of its own has the indicator follow that stream while it is shown,
 * and a page showing the past has it say "paused".
 */
export class LiveIndicator {
  private stopWatching: () => void = () => undefined;
  private mode: LiveMode = 'connecting';
  private explanation = '';
  private note = '';
  private paused = false;

  constructor(
    private readonly element: HTMLElement,
    private readonly feed: ModeSource,
  ) {
    this.watch(feed);
  }

  /** Until `signal` aborts (the page is left), shows the mode of `source` instead. */
  follow(source: ModeSource, signal: AbortSignal): void {
    if (signal.aborted) return;
    this.watch(source);
    signal.addEventListener('abort', () => this.watch(this.feed), { once: true });
  }

  /** Until `signal` aborts, says that the page does not follow updates. */
  pause(signal: AbortSignal): void {
    if (signal.aborted) return;
    this.paused = true;
    this.draw();
    signal.addEventListener(
      'abort',
      () => {
        this.paused = false;
        this.draw();
      },
      { once: true },
    );
  }

  private watch(source: ModeSource): void {
    this.stopWatching();
    this.stopWatching = source.onMode((mode, explanation, note) => {
      this.mode = mode;
      this.explanation = explanation;
      this.note = note;
      this.draw();
    });
  }

  private draw(): void {
    if (this.paused) {
      this.element.textContent = 'paused';
      this.element.className = 'live-status live-paused';
      this.element.title = PAUSED_EXPLANATION;
      return;
    }
    const text = liveModeText(this.mode);
    this.element.textContent = this.note ? `${text} (${this.note})` : text;
    this.element.className = `live-status live-${this.mode}`;
    this.element.title = this.explanation;
  }
}
