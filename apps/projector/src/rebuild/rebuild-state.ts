/** What GET /v1/rebuilds/{id} and /v1/projections tell about a rebuild. */
export interface RebuildState {
  rebuildId: string;
  projections: string[];
  status: 'running' | 'succeeded' | 'failed';
  /** Last log sequence applied to the new copy. */
  position: number;
  /** The log's last sequence when last looked at. */
  head: number;
  eventsPerSecond: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

export class RebuildConflictError extends Error {}
export class UnknownProjectionError extends Error {}
