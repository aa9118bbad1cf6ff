import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';

export type IngestOutcome = 'accepted' | 'duplicate' | 'invalid' | 'unavailable';

@Injectable()
export class IngestMetrics {
  private readonly outcomes: Counter<'outcome'>;
  private readonly edits: Counter<'kind' | 'outcome'>;
  private readonly publishSeconds: Histogram;
  private readonly publishRetries: Counter;

  constructor(@Inject(Registry) registry: Registry) {
    this.outcomes = new Counter({
      name: 'newsline_ingest_developments_total',
      help: 'Developments posted, by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.edits = new Counter({
      name: 'newsline_ingest_edits_total',
      help: 'Corrections and retractions posted, by kind and outcome',
      labelNames: ['kind', 'outcome'],
      registers: [registry],
    });
    this.publishRetries = new Counter({
      name: 'newsline_ingest_publish_retries_total',
      help: 'Publishes sent again because the log could not take them yet',
      registers: [registry],
    });
    this.publishSeconds = new Histogram({
      name: 'newsline_ingest_publish_seconds',
      help: 'Time from publishing an event to the log acknowledging it',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers: [registry],
    });
  }

  count(outcome: IngestOutcome): void {
    this.outcomes.inc({ outcome });
  }

  countEdit(kind: 'correction' | 'retraction', outcome: string): void {
    this.edits.inc({ kind, outcome });
  }

  countPublishRetry(): void {
    this.publishRetries.inc();
  }

  async timePublish<T>(publish: () => Promise<T>): Promise<T> {
    const end = this.publishSeconds.startTimer();
    try {
      return await publish();
    } finally {
      end();
    }
  }
}
