import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../api-error';
import { accessRefused } from './access-refused';
import { decideAccess } from './access-rules';
import type { Level } from './access-rules';
import { Authenticator } from './authenticator';
import type { RequestWithPrincipal } from './principal';

/** Who may call an endpoint: an access level (docs/auth.md says when each is closed), or anyone. */
export type Access = Level | 'open';

export const ACCESS_METADATA = 'newsline:access';

/** Every route declares its access, on its controller or its handler; none is open by omission. */
export const RequiresAccess = (access: Access) => SetMetadata(ACCESS_METADATA, access);

/** A handler or a controller class, as Nest's Reflector takes them. */
type MetadataTarget = Parameters<Reflector['getAllAndOverride']>[1][number];

/**
 * The access a route declares: its handler's, else its controller's. The guard enforces it and
 * the OpenAPI documents describe it, from this one reading.
 */
export function declaredAccess(
  reflector: Reflector,
  handler: MetadataTarget,
  controller: MetadataTarget,
): Access | undefined {
  return reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [handler, controller]);
}

/**
 * Lets a request through when its credential may pass the endpoint's access level, and sets
 * `request.principal`; answers 401 or 403 otherwise. A route with no declared level answers
 * 401 whatever is sent.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(Authenticator) private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = declaredAccess(this.reflector, context.getHandler(), context.getClass());
    if (access === undefined) {
      // Deny by default: a route that forgot to declare its access is closed, not open.
      throw new ApiError('unauthorized', 'This endpoint declares no access level: it is closed.');
    }
    if (access === 'open') return true;
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const credential = await this.authenticator.identify(request.headers.authorization);
    const decision = decideAccess(access, credential, this.authenticator.policy);
    if (!decision.allowed) throw accessRefused(decision);
    request.principal = decision.principal;
    return true;
  }
}
