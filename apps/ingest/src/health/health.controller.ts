import { Controller, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheckService } from '@nestjs/terminus';
import { HealthEndpoint, RequiresAccess } from '@app/http';
import { NatsHealthIndicator } from '@app/jetstream';

@ApiTags('operations')
@Controller('health')
@RequiresAccess('open')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(NatsHealthIndicator) private readonly nats: NatsHealthIndicator,
  ) {}

  @HealthEndpoint(
    'Health of the service and of its connection to the log',
    'NATS answers and the log stream exists.',
  )
  check() {
    return this.health.check([() => this.nats.check()]);
  }
}
