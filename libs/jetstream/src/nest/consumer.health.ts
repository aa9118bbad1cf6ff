import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ConsumerState } from '../transport';

/** Down while the log consumer is stalled (retrying a batch it cannot apply). */
@Injectable()
export class ConsumerHealthIndicator {
  constructor(
    @Inject(ConsumerState) private readonly consumer: ConsumerState,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
  ) {}

  check(key = 'consumer') {
    const indicator = this.indicators.check(key);
    const { status, lastError, stalledSince } = this.consumer;
    if (status === 'stalled') {
      return indicator.down({
        state: status,
        error: lastError,
        since: stalledSince?.toISOString(),
      });
    }
    return indicator.up({ state: status });
  }
}
