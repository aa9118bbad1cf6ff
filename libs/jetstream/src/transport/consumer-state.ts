/** Live state of a durable consumer loop, shared with whoever reports on it. */
export class ConsumerState {
  status: 'starting' | 'live' | 'stalled' | 'stopped' = 'starting';
  lastError: string | null = null;
  stalledSince: Date | null = null;

  markLive(): void {
    this.status = 'live';
    this.lastError = null;
    this.stalledSince = null;
  }

  /** Asked to start over (the lease went elsewhere): waiting, which is not failing. */
  markStarting(): void {
    this.status = 'starting';
    this.lastError = null;
    this.stalledSince = null;
  }

  markStalled(error: unknown): void {
    if (this.status !== 'stalled') this.stalledSince = new Date();
    this.status = 'stalled';
    this.lastError = error instanceof Error ? error.message : String(error);
  }
}
