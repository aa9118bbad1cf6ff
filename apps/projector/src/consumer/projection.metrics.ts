import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';

@Injectable()
export class ProjectionMetrics {
  private readonly batchSize: Histogram;
  private readonly applySeconds: Histogram;
  private readonly deadLetters: Counter;

  constructor(@Inject(Registry) registry: Registry) {
    this.batchSize = new Histogram({
      name: 'newsline_projector_batch_events',
      help: 'Events applied per batch (one transaction)',
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000],
      registers: [registry],
    });
    this.applySeconds = new Histogram({
      name: 'newsline_projector_apply_seconds',
      help: 'Time to apply one batch, transaction and checkpoint included',
      buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    this.deadLetters = new Counter({
      name: 'newsline_projector_dead_letters_total',
      help: 'Events copied to the dead-letter stream because they cannot be applied',
      registers: [registry],
    });
  }

  countDeadLetter(): void {
    this.deadLetters.inc();
  }

  async timeBatch<T>(events: number, apply: () => Promise<T>): Promise<T> {
    const end = this.applySeconds.startTimer();
    const result = await apply();
    end();
    this.batchSize.observe(events);
    return result;
  }
}
