import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { NatsConnection } from '../connection';

/** Healthy when connected and the log stream answers a real request. */
@Injectable()
export class NatsHealthIndicator {
  constructor(
    @Inject(NatsConnection) private readonly connection: NatsConnection,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
  ) {}

  async check(key = 'nats') {
    const indicator = this.indicators.check(key);
    try {
      const info = await this.connection
        .jetStreamManager()
        .streams.info(this.connection.streamName);
      const weaknesses = this.connection.weaknesses;
      return indicator.up({
        stream: this.connection.streamName,
        lastSequence: info.state.last_seq,
        ...(weaknesses.length > 0 && { weaknesses }),
      });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
