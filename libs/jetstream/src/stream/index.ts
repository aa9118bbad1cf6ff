export * from './ensure-log-stream';
export * from './log-stream-spec';
