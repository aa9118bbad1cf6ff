export * from './api-error';
export * from './api-exception.filter';
export * from './create-http-adapter';
export * from './parse-json-body';
export * from './parse-query';
export * from './auth';
export * from './query-schemas';
export * from './exit-cleanly-on-signals';
