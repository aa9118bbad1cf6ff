import { isNewsEvent, NEWS_EVENT_RECORDED } from '@app/contracts';
import type { ProjectedEvent } from './projection';

/**
 * A batch cut into rounds for the versioned read model, in log order: runs of recordings of
 * distinct developments, and every other event (a correction, a retraction, a merge, an
 * unmerge) alone. Within a round no row is written twice, so each version of a row keeps
 * the sequence of the event that made it, however the log was cut into batches; and within
 * a run of recordings the read model only grows, so what it was at any sequence inside the
 * run is what it was before the run plus the run's rows up to that sequence.
 */
export function rounds(events: readonly ProjectedEvent[]): ProjectedEvent[][] {
  const result: ProjectedEvent[][] = [];
  let run: ProjectedEvent[] = [];
  let recorded = new Set<string>();
  const closeRun = () => {
    if (run.length > 0) result.push(run);
    run = [];
    recorded = new Set();
  };
  for (const projected of events) {
    const { event } = projected;
    if (isNewsEvent(event) && event.type === NEWS_EVENT_RECORDED) {
      // The same development recorded twice (a redelivery) starts a new run.
      if (recorded.has(event.data.developmentId)) closeRun();
      recorded.add(event.data.developmentId);
      run.push(projected);
      continue;
    }
    closeRun();
    result.push([projected]);
  }
  closeRun();
  return result;
}
