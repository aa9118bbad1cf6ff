/**
 * A task of a list: `abort` aborts its requests, and `isCurrent` tells, after each await,
 * whether the list still wants its result (no `restart` or `stop` since it was queued).
 */
export type SerialTask = (isCurrent: () => boolean, abort: AbortSignal) => Promise<void>;

/**
 * Runs a list's work (pages, refreshes, catch-ups) one task at a time. `restart`, as for
 * new filters, aborts the requests under way and skips the tasks queued before it.
 */
export class SerialTasks {
  private generation = 0;
  private requests = new AbortController();
  private queue: Promise<void> = Promise.resolve();

  /** `fail` gets what a task throws. */
  constructor(private readonly fail: (error: unknown) => void) {}

  run(task: SerialTask): void {
    const run = this.generation;
    const abort = this.requests.signal;
    const isCurrent = () => run === this.generation;
    this.queue = this.queue
      .then(() => (isCurrent() ? task(isCurrent, abort) : undefined))
      .catch(this.fail);
  }

  restart(): void {
    this.stop();
    this.requests = new AbortController();
  }

  /** Aborts the requests under way and skips every task queued so far, as the page is left. */
  stop(): void {
    this.generation += 1;
    this.requests.abort();
  }
}
