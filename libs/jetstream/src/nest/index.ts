export * from './jetstream.module';
export * from './nats.health';
