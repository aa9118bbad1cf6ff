import { ACTOR_MERGED } from '../actor-merged';
import { ACTOR_UNMERGED } from '../actor-unmerged';
import { NEWS_EVENT_CORRECTED } from '../news-event-corrected';
import { NEWS_EVENT_RECORDED } from '../news-event-recorded';
import { NEWS_EVENT_RETRACTED } from '../news-event-retracted';
import { Upcaster } from './upcaster';

/**
 * The step to the version whose envelope names who recorded the event. Earlier versions did
 * not know who did: `recordedBy` is null, whatever field of that name an old writer may have
 * added (unknown fields of a version count for nothing).
 */
function unknownRecorder(type: string, fromVersion: number): Upcaster {
  return { type, fromVersion, up: (event) => ({ ...event, recordedBy: null }) };
}

export const newsEventRecordedV2ToV3 = unknownRecorder(NEWS_EVENT_RECORDED, 2);
export const newsEventCorrectedV1ToV2 = unknownRecorder(NEWS_EVENT_CORRECTED, 1);
export const newsEventRetractedV1ToV2 = unknownRecorder(NEWS_EVENT_RETRACTED, 1);
export const actorMergedV1ToV2 = unknownRecorder(ACTOR_MERGED, 1);
export const actorUnmergedV1ToV2 = unknownRecorder(ACTOR_UNMERGED, 1);

/** One per event type: the events written before `recordedBy` existed. */
export const RECORDED_BY_UPCASTERS: readonly Upcaster[] = [
  newsEventRecordedV2ToV3,
  newsEventCorrectedV1ToV2,
  newsEventRetractedV1ToV2,
  actorMergedV1ToV2,
  actorUnmergedV1ToV2,
];
