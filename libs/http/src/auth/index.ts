export * from './access-rules';
export * from './access.guard';
export * from './authenticator';
export * from './bearer-token';
export * from './principal';
export * from './session.controller';
