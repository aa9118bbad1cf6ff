import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DynamicModule } from '@nestjs/common';
import { AppConfig, loadConfig } from '@app/config';
import { API_DOCUMENT_PATH, setUpApiDocs } from '@app/http';
import type { ApiDocsInfo } from '@app/http';
import { IngestModule } from '../../apps/ingest/src/ingest.module';
import { INGEST_API_DOCS } from '../../apps/ingest/src/openapi/ingest-api-docs';
import { ProjectorModule } from '../../apps/projector/src/projector.module';
import { PROJECTOR_API_DOCS } from '../../apps/projector/src/openapi/projector-api-docs';
import type { ServiceName } from './client-types';

interface ServiceDocument {
  module: { forRoot(config: AppConfig): DynamicModule };
  info: ApiDocsInfo;
}

const SERVICE_DOCUMENTS: Record<ServiceName, ServiceDocument> = {
  ingest: { module: IngestModule, info: INGEST_API_DOCS },
  projector: { module: ProjectorModule, info: PROJECTOR_API_DOCS },
};

/**
 * The OpenAPI document a service serves at `/docs-json`, without NATS or PostgreSQL: Nest's
 * preview mode resolves the modules and their controllers but instantiates no provider, so
 * nothing connects anywhere.
 */
export async function apiDocumentOf(service: ServiceName): Promise<unknown> {
  const { module, info } = SERVICE_DOCUMENTS[service];
  // The defaults, whatever the environment says: no setting changes the document.
  const root = module.forRoot(loadConfig({}));
  const app = await NestFactory.create<NestFastifyApplication>(root, new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    setUpApiDocs(app, info);
    const answer = await app.getHttpAdapter().getInstance().inject({ url: API_DOCUMENT_PATH });
    if (answer.statusCode !== 200) {
      throw new Error(`${service} ${API_DOCUMENT_PATH} answered ${answer.statusCode}`);
    }
    return answer.json();
  } finally {
    await app.close();
  }
}
