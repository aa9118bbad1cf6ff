export * from './consumer-state';
export * from './jetstream.context';
export * from './jetstream.server';
export * from './received-message';
export * from './subject-pattern';
