import { readFileSync } from 'node:fs';
import { createProjectorClient, DevelopmentInput } from '@app/client';
import {
  clientTypesFile,
  fromRoot,
  renderClientTypes,
  ServiceName,
  SERVICES,
} from '../scripts/client/client-types';
import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments } from './support/sample';
import { waitFor } from './support/wait-for';

const TOKENS = { INGEST_TOKEN: 'client-ingest-token', READ_TOKEN: 'client-read-token' };
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** The first line where two texts differ, for a message shorter than the whole diff. */
function firstDifference(committed: string, expected: string): string {
  const a = committed.split('\n');
  const b = expected.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}:\n  committed: ${a[at] ?? '(end of file)'}\n  generated: ${b[at] ?? '(end of file)'}`;
}

describe('the typed client (libs/client)', () => {
  let system: NewslineUnderTest;
  const urlOf = (service: ServiceName) =>
    service === 'ingest' ? system.ingestUrl : system.projectorUrl;
  const servedDocument = async (service: ServiceName) => {
    const response = await fetch(`${urlOf(service)}/docs-json`);
    expect(response.status).toBe(200);
    return (await response.json()) as object;
  };

  beforeAll(async () => {
    system = await NewslineUnderTest.start(isolatedConfig(TOKENS));
  });

  afterAll(() => system?.stop());

  it.each(SERVICES)('has the types of the OpenAPI document %s serves', async (service) => {
    const file = clientTypesFile(service);
    const generated = await renderClientTypes(await servedDocument(service));
    const committed = readFileSync(file, 'utf8');
    if (committed !== generated) {
      throw new Error(
        `${fromRoot(file)} is not what ${service} documents at /docs-json; ` +
          `run "npm run client:generate". First difference at ${firstDifference(committed, generated)}`,
      );
    }
  });

  it('records a development with the ingest client and reads it with the projector client', async () => {
    const development = sampleDevelopments()[0] as DevelopmentInput;
    const recorded = await system.ingestClient.POST('/v1/developments', {
      body: development,
      headers: { 'Idempotency-Key': 'client-e2e-first' },
    });
    expect(recorded.response.status).toBe(202);
    const { developmentId, sequence } = recorded.data!;

    const read = await waitFor('the development in the read model', async () => {
      const answer = await system.projectorClient.GET('/v1/developments/{developmentId}', {
        params: { path: { developmentId } },
      });
      return answer.response.status === 404 ? undefined : answer;
    });
    expect(read.response.status).toBe(200);
    expect(read.data).toMatchObject({
      developmentId,
      title: development.title,
      occurredOn: development.occurredOn,
      sequence,
      history: [{ type: 'NewsEventRecorded', sequence }],
    });

    const actor = read.data!.actors[0].id;
    const timeline = await system.projectorClient.GET('/v1/timeline', {
      params: { query: { actor: [actor, 'nobody-else'], limit: 10 } },
    });
    expect(timeline.response.status).toBe(200);
    expect(timeline.data!.items.map((item) => item.developmentId)).toEqual([developmentId]);
  });

  it('gives error answers in the typed error shape, and sends the token it is given', async () => {
    const missing = await system.projectorClient.GET('/v1/developments/{developmentId}', {
      params: { path: { developmentId: UNKNOWN_ID } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ error: 'not_found' });

    const withoutToken = createProjectorClient({ baseUrl: system.projectorUrl });
    const refused = await withoutToken.GET('/v1/projections');
    expect(refused.response.status).toBe(401);
    expect(refused.error?.error).toBe('unauthorized');
  });
});
