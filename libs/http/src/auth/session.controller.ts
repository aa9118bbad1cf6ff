import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { sessionSchema } from '@app/contracts';
import type { Session } from '@app/contracts';
import { ApiErrorResponses, ApiZodResponse } from '../openapi/api-decorators';
import { accessRefused } from './access-refused';
import { RequiresAccess } from './access.guard';
import { Authenticator } from './authenticator';
import { sessionOf } from './session';

@ApiTags('session')
@Controller('v1/session')
@RequiresAccess('open')
export class SessionController {
  constructor(@Inject(Authenticator) private readonly authenticator: Authenticator) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Who the credential sent names, and what it may do here',
    description:
      'Open to everyone: without `Authorization` the principal is null, and `may` says what ' +
      'an anonymous caller may do.',
  })
  @ApiZodResponse(200, sessionSchema, 'The principal, whether sign-in is on, and what it may do.')
  @ApiErrorResponses({
    401: 'The bearer token is not valid (only when sign-in is on): `message` says why.',
  })
  async session(@Req() request: FastifyRequest): Promise<Session> {
    const credential = await this.authenticator.identify(request.headers.authorization);
    const session = sessionOf(credential, this.authenticator.policy);
    if ('allowed' in session) throw accessRefused(session);
    return session;
  }
}
