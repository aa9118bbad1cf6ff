export * from './histories';
export * from './parsed-queries';
export * from './recorded-event';
export * from './statement-records';
export * from './test-database';
export * from './writer-actions';
