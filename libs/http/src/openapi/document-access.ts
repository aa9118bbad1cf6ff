import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { declaredAccess } from '../auth/access.guard';
import type { Access } from '../auth/access.guard';
import { securitySchemeName } from './access-schemes';
import { errorResponse } from './api-decorators';
import { operationsOf, withResponses } from './operations';

/** The operationId the document gives the handler `method` of the controller class `controller`. */
export type OperationIdOf = (controller: string, method: string) => string;

const ACCESS_REFUSED = {
  401: 'The token is missing or wrong (only when one is configured or sign-in is on).',
  403: 'A valid signed token whose roles do not allow this (only when sign-in is on).',
};

/**
 * The access every route of `app` declares to the access guard (`RequiresAccess`), by the
 * operationId of its operation.
 */
export function accessOfOperations(
  app: INestApplication,
  operationIdOf: OperationIdOf,
): Map<string, Access | undefined> {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const access = new Map<string, Access | undefined>();
  for (const module of app.get(ModulesContainer, { strict: false }).values()) {
    for (const { metatype: controller } of module.controllers.values()) {
      if (typeof controller !== 'function') continue;
      const prototype = controller.prototype as Record<string, (...args: never[]) => unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (!Reflect.hasMetadata(METHOD_METADATA, handler)) continue;
        access.set(
          operationIdOf(controller.name, name),
          declaredAccess(reflector, handler, controller),
        );
      }
    }
  }
  return access;
}

/**
 * Gives every operation the security its route's declared access needs: none (`[]`) for an
 * open route, else the bearer scheme of its level, with the 401 and 403 the guard answers.
 */
export function describeAccess(
  document: OpenAPIObject,
  accessOf: ReadonlyMap<string, Access | undefined>,
): void {
  for (const { operation, method, path } of operationsOf(document)) {
    const access = operation.operationId && accessOf.get(operation.operationId);
    if (!access) {
      // The guard closes such a route to everyone; a document cannot say so.
      throw new Error(`${method.toUpperCase()} ${path} declares no access (RequiresAccess)`);
    }
    if (access === 'open') {
      operation.security = [];
      continue;
    }
    operation.security = [{ [securitySchemeName(access)]: [] }];
    withResponses(operation, {
      401: errorResponse(401, ACCESS_REFUSED[401]),
      403: errorResponse(403, ACCESS_REFUSED[403]),
    });
  }
}
