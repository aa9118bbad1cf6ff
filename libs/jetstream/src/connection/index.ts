export * from './log-unavailable.error';
export * from './nats-connection';
