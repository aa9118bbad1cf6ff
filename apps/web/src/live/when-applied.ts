import { projectorData } from '../api/api-client';
import type { PageContext } from '../pages/page';

const CHECK_EVERY_MS = 1_000;

/**
 * Resolves once the read models reflect the log up to `sequence`: when the stream reports
 * that event as applied or, without a stream, when every projection's position has reached
 * it. Never resolves if the page is left first.
 */
export function whenApplied(context: PageContext, sequence: number): Promise<void> {
  const { api, feed, signal } = context;
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(timer);
      stopFeed();
      resolve();
    };
    const stopFeed = feed.onActor((event) => {
      if (event.sequence >= sequence) done();
    });
    const check = async () => {
      try {
        const projections = await projectorData(api.GET('/v1/projections', { signal }));
        if (projections.every((projection) => projection.position >= sequence)) return done();
      } catch {
        // Asked again below, unless the page was left.
      }
      if (!signal.aborted) timer = setTimeout(() => void check(), CHECK_EVERY_MS);
    };
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      stopFeed();
    });
    timer = setTimeout(() => void check(), CHECK_EVERY_MS);
  });
}
