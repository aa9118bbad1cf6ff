export * from './api-decorators';
export * from './api-docs';
export { zodSchema } from './zod-schema';
