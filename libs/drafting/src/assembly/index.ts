export { assembleDrafts, INVALID_DRAFT_REASON } from './assemble-drafts';
export type {
  ActorFinding,
  DraftingDependencies,
  StatementFinding,
  TopicFinding,
} from './assemble-drafts';
export { draftConfidence } from './confidence';
export { isFramingDate, withoutDates } from './framing';
export { placeEvents, UNPLACED_REASONS } from './place-events';
export type { PlacedEvent, UnplacedRun } from './place-events';
export { buildTitle, TITLE_LENGTH } from './title';
