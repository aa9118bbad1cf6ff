export * from './jetstream.module';
export * from './nats.health';
export * from './consumer.health';
