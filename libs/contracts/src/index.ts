export * from './development';
export * from './errors';
export * from './events';
export * from './ids';
export * from './identity';
export * from './subjects';
export * from './api';
export * from './actors';
