/**
 * Holds publishes until the end of the current event-loop phase, then starts them all at
 * once: the NATS client then flushes them to its socket in one write instead of one write
 * (and one system call) per request, which under load is most of ingest's CPU time.
 */
export class PublishCoalescer {
  private queue: Array<() => void> = [];

  schedule<T>(publish: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // The executor turns a publish that throws before returning into a rejection.
      const start = () => void new Promise<T>((settle) => settle(publish())).then(resolve, reject);
      if (this.queue.push(start) === 1) setImmediate(() => this.startAll());
    });
  }

  private startAll(): void {
    const queued = this.queue;
    this.queue = [];
    for (const start of queued) start();
  }
}
