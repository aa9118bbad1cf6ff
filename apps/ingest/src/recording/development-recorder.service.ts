import { Inject, Injectable } from '@nestjs/common';
import { newsEventRecorded, NewsEventRecordedData, RecordingOutcome } from '@app/contracts';
import { LogUnavailableError } from '@app/jetstream';
import { DevelopmentLog } from '../log/development-log.service';

export interface RecordingContext {
  correlationId?: string;
  /** The principal the event is recorded for; null when writes are open. */
  recordedBy?: string | null;
}

/**
 * Appends NewsEventRecorded to the development's own subject, which must be empty: the log
 * itself refuses a second recording of the same key, however late, and we answer with the
 * original event.
 */
@Injectable()
export class DevelopmentRecorder {
  constructor(@Inject(DevelopmentLog) private readonly log: DevelopmentLog) {}

  async record(data: NewsEventRecordedData, context: RecordingContext): Promise<RecordingOutcome> {
    const { developmentId } = data;
    const { correlationId, recordedBy } = context;
    const event = newsEventRecorded(data, { correlationId, recordedBy });
    const result = await this.log.append(event, 0);
    if (result.appended) {
      return { developmentId, eventId: event.eventId, sequence: result.sequence, duplicate: false };
    }
    // Refused because the subject is taken: by an earlier request, or by this very event
    // when a copy whose acknowledgement was lost had been stored after all.
    const original = await this.log.first(developmentId).catch((error: unknown) => {
      throw new LogUnavailableError(`cannot read ${developmentId} back`, {
        cause: error,
        outcomeUnknown: true,
      });
    });
    if (!original) {
      throw new LogUnavailableError(`${developmentId} was refused as recorded but has no events`);
    }
    return { developmentId, ...original, duplicate: original.eventId !== event.eventId };
  }
}
