export * from './jetstream-api-error';
export * from './log-unavailable.error';
export * from './nats-connection';
