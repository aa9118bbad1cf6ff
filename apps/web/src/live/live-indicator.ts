import type { LiveFeed } from './live-feed';
import { liveModeText } from './stream-event';

/** Keeps the header's indicator in step with the feed: text, colour class and explanation. */
export function bindLiveIndicator(indicator: HTMLElement, feed: LiveFeed): void {
  feed.onMode((mode, explanation, note) => {
    indicator.textContent = note ? `${liveModeText(mode)} (${note})` : liveModeText(mode);
    indicator.className = `live-status live-${mode}`;
    indicator.title = explanation;
  });
}
