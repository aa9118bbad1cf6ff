import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { healthSchema } from '@app/contracts';
import { ApiZodResponse, RequiresAccess } from '@app/http';
import { NatsHealthIndicator } from '@app/jetstream';

@ApiTags('operations')
@Controller('health')
@RequiresAccess('open')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(NatsHealthIndicator) private readonly nats: NatsHealthIndicator,
  ) {}

  @Get()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Health of the service and of its connection to the log' })
  @ApiZodResponse(200, healthSchema, 'NATS answers and the log stream exists.')
  @ApiZodResponse(503, healthSchema, 'Something is down: `error` says what and why.')
  check() {
    return this.health.check([() => this.nats.check()]);
  }
}
