import { Controller, Get, INestApplication, Post } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { RequiresAccess } from '../auth/access.guard';
import { accessOfOperations, describeAccess } from './document-access';

@Controller('things')
@RequiresAccess('read')
class ThingsController {
  @Get()
  list() {}

  @Post()
  @RequiresAccess('admin')
  create() {}

  @Get('count')
  @RequiresAccess('open')
  count() {}
}

@Controller('loose')
class LooseController {
  @Get()
  forgotten() {}
}

const operationIdOf = (controller: string, method: string) => `${controller}.${method}`;

const documentOf = (paths: OpenAPIObject['paths']): OpenAPIObject => ({
  openapi: '3.1.0',
  info: { title: 'test', version: '1' },
  paths,
});

describe('accessOfOperations', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [ThingsController, LooseController],
    }).compile();
    app = module.createNestApplication(new FastifyAdapter());
  });

  afterAll(() => app.close());

  it("reads each route's access as the guard does: the handler's, else the controller's", () => {
    expect(Object.fromEntries(accessOfOperations(app, operationIdOf))).toEqual({
      'ThingsController.list': 'read',
      'ThingsController.create': 'admin',
      'ThingsController.count': 'open',
      'LooseController.forgotten': undefined,
    });
  });
});

describe('describeAccess', () => {
  const access = new Map([
    ['list', 'read' as const],
    ['count', 'open' as const],
  ]);

  it('opens an open route with an empty security list, and adds nothing else', () => {
    const document = documentOf({
      '/count': { get: { operationId: 'count', responses: { 200: { description: 'n' } } } },
    });
    describeAccess(document, access);
    expect(document.paths['/count'].get).toEqual({
      operationId: 'count',
      responses: { 200: { description: 'n' } },
      security: [],
    });
  });

  it("gives a route the bearer scheme of its level and the guard's 401 and 403, in order", () => {
    const document = documentOf({
      '/things': {
        get: {
          operationId: 'list',
          responses: { 200: { description: 'ok' }, 503: { description: 'down' } },
        },
      },
    });
    describeAccess(document, access);
    const operation = document.paths['/things'].get!;
    expect(operation.security).toEqual([{ readToken: [] }]);
    expect(Object.keys(operation.responses)).toEqual(['200', '401', '403', '503']);
  });

  it('refuses to document a route that declares no access', () => {
    const document = documentOf({
      '/loose': { get: { operationId: 'forgotten', responses: {} } },
    });
    expect(() => describeAccess(document, access)).toThrow('GET /loose declares no access');
  });
});
