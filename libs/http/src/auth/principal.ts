import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ROLE_NAMES } from '@app/contracts';

/** What a signed token may say its holder is: each role includes the ones before it. */
export const ROLES = ROLE_NAMES;
export type Role = (typeof ROLES)[number];

/** Who is calling: a signed-in person or service, or the holder of one of the static tokens. */
export interface Principal {
  /** Recorded as `recordedBy` in the events this principal's requests record. */
  name: string;
  roles: readonly Role[];
  /** A signed token (JWT), or one of INGEST_TOKEN, ADMIN_TOKEN, READ_TOKEN. */
  via: 'signed-token' | 'static-token';
}

/** The principal the access guard found on the request, or null for an anonymous caller. */
export type RequestWithPrincipal = FastifyRequest & { principal?: Principal | null };

export function principalOf(request: RequestWithPrincipal): Principal | null {
  return request.principal ?? null;
}

/**
 * The name to record as `recordedBy` for this request: the principal's, or null when the
 * caller is anonymous (writes are open).
 */
export const RecordedBy = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | null =>
    principalOf(context.switchToHttp().getRequest<RequestWithPrincipal>())?.name ?? null,
);
