import { Inject, Injectable } from '@nestjs/common';
import type { BatchItemResult, BatchResult } from '@app/contracts';
import { LogUnavailableError } from '@app/jetstream';
import { DevelopmentRecorder, RecordingContext } from '../development-recorder.service';
import { IngestMetrics } from '../../metrics/ingest.metrics';
import pLimit from 'p-limit';
import { BatchEntry, prepareBatchEntry } from './prepare-batch';

/**
 * Items of all batches being recorded at once, at most: enough to keep the log busy, few
 * enough that concurrent batches do not pile up prepared events in memory.
 */
export const BATCH_ITEMS_IN_FLIGHT = 256;

/**
 * Records every valid item of a batch as if each had been posted alone. Up to
 * BATCH_ITEMS_IN_FLIGHT items (of this and other batches) are validated and published at
 * once, and their publishes go out together, so a batch costs about one round trip to the log.
 */
@Injectable()
export class BatchRecorder {
  private readonly inFlight = pLimit(BATCH_ITEMS_IN_FLIGHT);

  constructor(
    @Inject(DevelopmentRecorder) private readonly recorder: DevelopmentRecorder,
    @Inject(IngestMetrics) private readonly metrics: IngestMetrics,
  ) {}

  async record(entries: BatchEntry[], context: RecordingContext): Promise<BatchResult> {
    const results = await Promise.all(
      entries.map((entry) => this.inFlight(() => this.recordOne(entry, context))),
    );
    const count = (status: BatchItemResult['status']) =>
      results.filter((result) => result.status === status).length;
    return {
      accepted: count('accepted'),
      duplicates: count('duplicate'),
      invalid: count('invalid'),
      unavailable: count('unavailable'),
      results,
    };
  }

  private async recordOne(entry: BatchEntry, context: RecordingContext): Promise<BatchItemResult> {
    const place = { index: entry.index, ...(entry.line !== undefined && { line: entry.line }) };
    const prepared = prepareBatchEntry(entry);
    if (!prepared.ok) {
      this.metrics.count('invalid');
      return { ...place, status: 'invalid', details: prepared.details };
    }
    try {
      const { duplicate, ...ids } = await this.recorder.record(prepared.data, context);
      this.metrics.count(duplicate ? 'duplicate' : 'accepted');
      return { ...place, status: duplicate ? 'duplicate' : 'accepted', ...ids };
    } catch (error) {
      if (!(error instanceof LogUnavailableError)) throw error;
      this.metrics.count('unavailable');
      return {
        ...place,
        status: 'unavailable',
        developmentId: prepared.data.developmentId,
        message: error.message,
        outcomeUnknown: error.outcomeUnknown,
      };
    }
  }
}
