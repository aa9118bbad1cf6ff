export { findActors, type ActorMention } from './find-actors';
export { findTopics, type TopicMention } from './find-topics';
export { findStatements, type StatementFinding } from './find-statements';
