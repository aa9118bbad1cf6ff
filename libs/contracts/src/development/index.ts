export * from './correct-development';
export * from './dates';
export * from './development';
export * from './development.schema';
export * from './normalize-development';
export * from './slug';
export * from './text';
export * from './validate-development';
