/** How long a message stays on screen; screen readers have read it by then. */
const SHOWN_MS = 12_000;

/** Says what happened in the page's status region (a polite live region). */
export type Announce = (message: string, tone?: 'ok' | 'refused') => void;

/**
 * The region stays in the page while empty: a live region added or unhidden together with
 * its text is not read out by every screen reader.
 */
export function bindAnnouncer(region: HTMLElement): Announce {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (message, tone = 'ok') => {
    clearTimeout(timer);
    region.textContent = message;
    region.className = `desk-status desk-status-${tone}`;
    timer = setTimeout(() => (region.textContent = ''), SHOWN_MS);
  };
}
