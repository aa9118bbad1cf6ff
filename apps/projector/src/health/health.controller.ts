import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ConsumerHealthIndicator, NatsHealthIndicator } from '@app/jetstream';

@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(NatsHealthIndicator) private readonly nats: NatsHealthIndicator,
    @Inject(TypeOrmHealthIndicator) private readonly database: TypeOrmHealthIndicator,
    @Inject(ConsumerHealthIndicator) private readonly consumer: ConsumerHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.nats.check(),
      () => this.database.pingCheck('postgres', { timeout: 2000 }),
      () => this.consumer.check(),
    ]);
  }
}
