export * from './append-to-stream';
export * from './read-first-message';
export * from './publish-coalescer';
export * from './read-subject';
export * from './stream-publisher';
export * from './read-last-message';
