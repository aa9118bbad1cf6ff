import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { TagObject } from '@nestjs/swagger';
import { accessSecuritySchemes } from './access-schemes';
import { describeMetrics } from './describe-metrics';
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

function buildApiDocument(app: NestFastifyApplication, info: ApiDocsInfo): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version);
  for (const tag of [...info.tags, OPERATIONS_TAG]) builder.addTag(tag.name, tag.description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (controller, method) =>
      `${controller.replace(/Controller$/, '')}_${method}`,
  });
  describeMetrics(document);
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
  const operations = Object.values(document.paths).flatMap((path) =>
    Object.values(path as Record<string, { security?: Array<Record<string, string[]>> }>),
  );
  return new Set(
    operations.flatMap((operation) => (operation.security ?? []).flatMap(Object.keys)),
  );
}
