import { applyDecorators, Get } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { HealthCheck } from '@nestjs/terminus';
import { healthSchema } from '@app/contracts';
import { ApiZodResponse } from './openapi/api-decorators';

/**
 * `GET /health` of a service: Terminus's check, never cached, documented with the answer
 * both services give (200 when every dependency answers, 503 naming the one that does not).
 */
export function HealthEndpoint(summary: string, healthy: string): MethodDecorator {
  return applyDecorators(
    Get(),
    HealthCheck({ noCache: true, swaggerDocumentation: false }),
    ApiOperation({ summary }),
    ApiZodResponse(200, healthSchema, healthy),
    ApiZodResponse(503, healthSchema, 'Something is down: `error` says what and why.'),
  );
}
