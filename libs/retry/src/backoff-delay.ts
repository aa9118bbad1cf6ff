export interface Backoff {
  /** The pause before the first retry. */
  initialMs: number;
  /** No pause is longer than this. */
  maxMs: number;
}

/** Past this, every realistic pause is at its cap; it keeps the product finite. */
const MAX_DOUBLINGS = 30;

/** The pause before retry `attempt` (0 for the first): `initialMs`, doubling, at most `maxMs`. */
export function backoffDelay(attempt: number, { initialMs, maxMs }: Backoff): number {
  const doublings = Math.min(Math.max(attempt, 0), MAX_DOUBLINGS);
  return Math.min(maxMs, initialMs * 2 ** doublings);
}
