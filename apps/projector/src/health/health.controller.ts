import { Controller, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { HealthEndpoint, RequiresAccess } from '@app/http';
import { ConsumerHealthIndicator, NatsHealthIndicator } from '@app/jetstream';

@ApiTags('operations')
@Controller('health')
@RequiresAccess('open')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(NatsHealthIndicator) private readonly nats: NatsHealthIndicator,
    @Inject(TypeOrmHealthIndicator) private readonly database: TypeOrmHealthIndicator,
    @Inject(ConsumerHealthIndicator) private readonly consumer: ConsumerHealthIndicator,
  ) {}

  @HealthEndpoint(
    'Health of the service, the log, the database and the consumer',
    'NATS, PostgreSQL and the log consumer are fine.',
  )
  check() {
    return this.health.check([
      () => this.nats.check(),
      () => this.database.pingCheck('postgres', { timeout: 2000 }),
      () => this.consumer.check(),
    ]);
  }
}
