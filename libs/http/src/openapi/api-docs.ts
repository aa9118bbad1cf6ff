import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { TagObject } from '@nestjs/swagger';
import { accessSecuritySchemes } from './access-schemes';
import { describeMetrics } from './describe-metrics';
import { accessOfOperations, describeAccess, OperationIdOf } from './document-access';
import { describeHeadersTooLarge } from './headers-too-large';
import { operationsOf } from './operations';
import { serveSwaggerUi } from './swagger-ui';
import { componentsReferencedBy } from './zod-schema';

export interface ApiDocsInfo {
  title: string;
  /** Markdown, shown at the top of the Swagger UI page. */
  description: string;
  version: string;
  tags: TagObject[];
}

export const API_DOCS_PATH = '/docs';
export const API_DOCUMENT_PATH = '/docs-json';

const OPERATIONS_TAG: TagObject = {
  name: 'operations',
  description: 'Health and metrics; always open.',
};
const SESSION_TAG: TagObject = {
  name: 'session',
  description: 'Who a credential names and what it may do (docs/auth.md).',
};

/**
 * The OpenAPI document at `/docs-json`, built from the controllers' decorators on first
 * request, and Swagger UI at `/docs`. Both are open, whatever tokens are configured.
 */
export function setUpApiDocs(app: NestFastifyApplication, info: ApiDocsInfo): void {
  SwaggerModule.setup(API_DOCS_PATH, app, () => buildApiDocument(app, info), {
    ui: false,
    raw: ['json'],
    jsonDocumentUrl: API_DOCUMENT_PATH,
  });
  serveSwaggerUi(app, API_DOCS_PATH, { title: info.title, documentPath: API_DOCUMENT_PATH });
}

const operationIdOf: OperationIdOf = (controller, method) =>
  `${controller.replace(/Controller$/, '')}_${method}`;

function buildApiDocument(app: NestFastifyApplication, info: ApiDocsInfo): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version)
    .setLicense('MIT', 'https://opensource.org/license/mit')
    // Relative, so it resolves against wherever the document was fetched from: each service's
    // own origin, whatever host, port or proxy clients reach it through. A configured public
    // URL would be wrong behind any other address, and generated clients take a base URL anyway.
    .addServer('/', 'This service: the origin that serves this document.');
  for (const tag of [...info.tags, SESSION_TAG, OPERATIONS_TAG])
    builder.addTag(tag.name, tag.description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: operationIdOf,
  });
  describeMetrics(document);
  describeAccess(document, accessOfOperations(app, operationIdOf));
  describeHeadersTooLarge(document);
  const usedSchemes = securitySchemesUsedBy(document);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...componentsReferencedBy(document) },
    securitySchemes: Object.fromEntries(
      Object.entries(accessSecuritySchemes()).filter(([name]) => usedSchemes.has(name)),
    ),
  };
  return document;
}

function securitySchemesUsedBy(document: OpenAPIObject): Set<string> {
  return new Set(
    operationsOf(document).flatMap(({ operation }) =>
      (operation.security ?? []).flatMap(Object.keys),
    ),
  );
}
