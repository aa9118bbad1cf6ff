export * from './backoff-delay';
