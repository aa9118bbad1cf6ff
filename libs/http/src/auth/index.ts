export * from './access.guard';
export * from './bearer-token';
