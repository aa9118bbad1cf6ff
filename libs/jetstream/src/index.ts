export * from './connection';
export * from './log';
export * from './stream';
export * from './transport';
export * from './nest';
export * from './dead-letters';
