export { findDates, resolveAnaphoricDate } from './find-dates';
export type { DateKind, DateMention } from './find-dates';
