/** The development kept changing between reading it and appending, attempt after attempt. */
export class ConcurrentEditsError extends Error {
  constructor(attempts: number) {
    super(`the development changed under ${attempts} attempts in a row`);
    this.name = 'ConcurrentEditsError';
  }
}
