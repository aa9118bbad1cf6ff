export * from './decode-event';
export * from './event-envelope';
export * from './news-event-recorded';
