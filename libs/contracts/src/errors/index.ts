export * from './error-codes';
export * from './validation-detail';
