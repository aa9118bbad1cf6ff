import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { healthSchema } from '@app/contracts';
import { ApiZodResponse, RequiresAccess } from '@app/http';
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

  @Get()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Health of the service, the log, the database and the consumer' })
  @ApiZodResponse(200, healthSchema, 'NATS, PostgreSQL and the log consumer are fine.')
  @ApiZodResponse(503, healthSchema, 'Something is down: `error` says what and why.')
  check() {
    return this.health.check([
      () => this.nats.check(),
      () => this.database.pingCheck('postgres', { timeout: 2000 }),
      () => this.consumer.check(),
    ]);
  }
}
