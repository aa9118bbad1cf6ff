export class RebuildConflictError extends Error {}
export class UnknownProjectionError extends Error {}
