export * from './development';
export * from './errors';
export * from './events';
export * from './ids';
export * from './subjects';
export * from './api';
