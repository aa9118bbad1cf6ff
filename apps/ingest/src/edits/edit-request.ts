import {
  developmentIdSchema,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeySchema,
  IF_MATCH_HEADER,
  ifMatchSchema,
  parseParameter,
  Validated,
} from '@app/contracts';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiError, principalOf, RequestWithPrincipal } from '@app/http';
import type { EditOptions } from './development-editor.service';

/** What an edit request sends besides its body, as it came, and who sends it. */
export interface EditRequestParameters {
  developmentId: string;
  ifMatch?: string;
  idempotencyKey?: string;
  correlationId?: string;
  recordedBy?: string | null;
}

/** The path, headers, correlation id and principal of an edit request, not yet checked. */
export const EditParameters = createParamDecorator(
  (_: unknown, context: ExecutionContext): EditRequestParameters => {
    const request = context
      .switchToHttp()
      .getRequest<RequestWithPrincipal & { params: { developmentId: string } }>();
    const header = (name: string) => {
      const value = request.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(',') : value;
    };
    return {
      developmentId: request.params.developmentId,
      ifMatch: header(IF_MATCH_HEADER),
      idempotencyKey: header(IDEMPOTENCY_KEY_HEADER),
      correlationId: request.id,
      recordedBy: principalOf(request)?.name ?? null,
    };
  },
);

export interface EditRequest<Body> {
  developmentId: string;
  body: Body;
  options: EditOptions;
}

/** The body, path and headers of an edit, or a 400 that lists every problem at once. */
export function parseEditRequest<Body>(
  body: Validated<Body>,
  parameters: EditRequestParameters,
): EditRequest<Body> {
  const developmentId = parseParameter(
    'developmentId',
    developmentIdSchema,
    parameters.developmentId,
  );
  const idempotencyKey = parseParameter(
    IDEMPOTENCY_KEY_HEADER,
    idempotencyKeySchema,
    parameters.idempotencyKey,
  );
  const ifMatch = parseParameter(IF_MATCH_HEADER, ifMatchSchema, parameters.ifMatch);
  if (!developmentId.ok || !idempotencyKey.ok || !ifMatch.ok || !body.ok) {
    const details = [developmentId, idempotencyKey, ifMatch].flatMap((parameter) =>
      parameter.ok ? [] : [parameter.detail],
    );
    if (!body.ok) details.push(...body.details);
    throw new ApiError('validation_failed', 'The request is invalid.', details);
  }
  return {
    developmentId: developmentId.value,
    body: body.value,
    options: {
      expectedRevision: ifMatch.value,
      idempotencyKey: idempotencyKey.value,
      correlationId: parameters.correlationId,
      recordedBy: parameters.recordedBy ?? null,
    },
  };
}
