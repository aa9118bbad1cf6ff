export * from './actor-name-keys';
export * from './compare-actors';
export * from './fold-latin-word';
export * from './blocking-keys';
export * from './search-terms';
