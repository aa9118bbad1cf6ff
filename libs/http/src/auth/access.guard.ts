import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { ApiError } from '../api-error';
import { bearerTokenMatches } from './bearer-token';

/** Who may call an endpoint: each level is open unless its token is configured. */
export type Access = 'ingest' | 'admin' | 'read' | 'open';

export const ACCESS_METADATA = 'newsline:access';

/** Every route declares its access, on its controller or its handler; none is open by omission. */
export const RequiresAccess = (access: Access) => SetMetadata(ACCESS_METADATA, access);

const TOKEN_OF: Record<Exclude<Access, 'open'>, keyof AppConfig> = {
  ingest: 'INGEST_TOKEN',
  admin: 'ADMIN_TOKEN',
  read: 'READ_TOKEN',
};

/**
 * Checks `Authorization: Bearer <token>` against the token of the endpoint's access level; a
 * route with no declared level answers 401 whatever is sent.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access === undefined) {
      // Deny by default: a route that forgot to declare its access is closed, not open.
      throw new ApiError('unauthorized', 'This endpoint declares no access level: it is closed.');
    }
    if (access === 'open') return true;
    const expected = this.config[TOKEN_OF[access]] as string | undefined;
    if (!expected) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (bearerTokenMatches(request.headers.authorization, expected)) return true;
    throw new ApiError(
      'unauthorized',
      `This endpoint needs "Authorization: Bearer <${TOKEN_OF[access]}>".`,
      [],
      { 'WWW-Authenticate': 'Bearer realm="newsline"' },
    );
  }
}
