export * from './dead-letter-queue';
