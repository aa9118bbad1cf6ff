import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface DocumentedOperation {
  path: string;
  method: (typeof METHODS)[number];
  operation: OperationObject;
}

/** Every operation of `document`, with its path and method. */
export function operationsOf(document: OpenAPIObject): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ path, method, operation }] : [];
    }),
  );
}

/** Adds answers to an operation's own, kept in the order of their status codes. */
export function withResponses(
  operation: OperationObject,
  responses: Record<number, ResponseObject>,
): void {
  operation.responses = Object.fromEntries(
    Object.entries({ ...operation.responses, ...responses }).sort(([a], [b]) => a.localeCompare(b)),
  );
}
