export * from './decode-event';
export * from './development-state';
export * from './event-envelope';
export * from './news-event-corrected';
export * from './news-event-recorded';
export * from './news-event-retracted';
export * from './upcasters';
