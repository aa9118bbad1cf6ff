export * from './actor-merge.schema';
