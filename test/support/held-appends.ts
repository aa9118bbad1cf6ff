import type { NewsEvent } from '@app/contracts';
import type { AppendResult } from '@app/jetstream';
import { DevelopmentLog } from '../../apps/ingest/src/log/development-log.service';

export type Append = DevelopmentLog['append'];

/** Sees an append before the log does, and decides when the real `append` runs, if at all. */
export type AppendInterceptor = (
  event: NewsEvent,
  expectedLastSubjectSequence: number,
  append: Append,
) => Promise<AppendResult>;

/**
 * Puts `interceptor` in front of this log's `append`, so a test can order concurrent edits at
 * the moment they write. Returns the function that puts the real method back.
 */
export function interceptAppends(log: DevelopmentLog, interceptor: AppendInterceptor): () => void {
  const append: Append = log.append.bind(log);
  log.append = (event, expectedLastSubjectSequence) =>
    interceptor(event, expectedLastSubjectSequence, append);
  // The instance's own property hides the class's method; removing it shows the method again.
  return () => {
    Reflect.deleteProperty(log, 'append');
  };
}

export interface HeldAppend {
  /** Settles once the held append has been called: its edit has read and decided. */
  entered: Promise<NewsEvent>;
  /** Lets the held append go on to the log. */
  release: () => void;
  /** Releases the held append if it still waits, and puts the real `append` back. */
  restore: () => void;
}

/**
 * Holds the first append that `holds` picks until `release`; every other append, and the
 * same edit's later attempts, go straight through.
 */
export function holdAppend(log: DevelopmentLog, holds: (event: NewsEvent) => boolean): HeldAppend {
  const entered = settlable<NewsEvent>();
  const released = settlable<void>();
  let holding = true;
  const restoreAppend = interceptAppends(log, async (event, expected, append) => {
    if (holding && holds(event)) {
      holding = false;
      entered.settle(event);
      await released.promise;
    }
    return append(event, expected);
  });
  return {
    entered: entered.promise,
    release: () => released.settle(),
    restore: () => {
      released.settle();
      restoreAppend();
    },
  };
}

function settlable<T>(): { promise: Promise<T>; settle: (value: T) => void } {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return { promise, settle };
}
