import type { DevelopmentWithHistory } from '@app/client';

type HistoryEntry = DevelopmentWithHistory['history'][number];

const EVENT_NAMES: Record<HistoryEntry['type'], string> = {
  NewsEventRecorded: 'Recorded',
  NewsEventCorrected: 'Corrected',
  NewsEventRetracted: 'Retracted',
};

/** "Recorded", "Corrected", "Retracted"; an unknown event type as it is. */
export function eventName(type: string): string {
  return EVENT_NAMES[type as HistoryEntry['type']] ?? type;
}

/** Who recorded an event: "by alice", or "by an anonymous writer" when writes were open. */
export function recordedByText(recordedBy: string | null | undefined): string {
  return recordedBy ? `by ${recordedBy}` : 'by an anonymous writer';
}
