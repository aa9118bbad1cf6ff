import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Access, ACCESS_METADATA } from '@app/http';
import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';

const TOKENS = {
  INGEST_TOKEN: 'ingest-secret',
  ADMIN_TOKEN: 'admin-secret',
  READ_TOKEN: 'read-secret',
};

interface Route {
  method: string;
  path: string;
  access: Access | undefined;
}

/** Every HTTP route Nest routes in `app`, with the access it declares, from Nest's own metadata. */
function routesOf(app: NestFastifyApplication): Route[] {
  const routes: Route[] = [];
  for (const module of app.get(ModulesContainer, { strict: false }).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (method === undefined || path === undefined) continue;
        const access = (Reflect.getMetadata(ACCESS_METADATA, handler) ??
          Reflect.getMetadata(ACCESS_METADATA, metatype)) as Access | undefined;
        const full = `/${[base, path].filter((part) => part && part !== '/').join('/')}`;
        routes.push({ method: RequestMethod[method], path: full.replace(/\/+/g, '/'), access });
      }
    }
  }
  return routes;
}

/** A path with a plausible value in each parameter, so the request reaches the guard. */
function concrete(path: string): string {
  return path
    .replace(':developmentId', '00000000-0000-4000-8000-000000000000')
    .replace(':name', 'all')
    .replace(/:[A-Za-z]+/g, 'x');
}

/**
 * Every route of both services, found in Nest's router rather than listed by hand: with all
 * tokens set, each one that is not declared open refuses a request without a token and with
 * a wrong one, reads included; and only health, metrics and GET /v1/session (which says who
 * the credential names) are open.
 */
describe('access to every route', () => {
  let system: NewslineUnderTest;

  beforeAll(async () => {
    system = await NewslineUnderTest.start(isolatedConfig(TOKENS));
  });

  afterAll(() => system?.stop());

  const services = () =>
    [
      ['ingest', system.ingest!, system.ingestUrl],
      ['projector', system.projector!, system.projectorUrl],
    ] as const;

  it('has every route declare its access, and opens only health, metrics and the session', () => {
    for (const [name, app] of services()) {
      const routes = routesOf(app);
      expect(routes.length).toBeGreaterThan(3);
      expect(routes.filter((route) => route.access === undefined)).toEqual([]);
      const open = routes.filter((route) => route.access === 'open').map((r) => r.path);
      expect([name, open.sort()]).toEqual([name, ['/health', '/metrics', '/v1/session']]);
    }
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer not-the-token' }],
  ])('answers 401 with %s on every route that is not open', async (_label, headers) => {
    const answers: string[] = [];
    for (const [name, app, url] of services()) {
      for (const route of routesOf(app).filter((r) => r.access !== 'open')) {
        const response = await fetch(`${url}${concrete(route.path)}`, {
          method: route.method,
          headers: { 'content-type': 'application/json', ...headers },
          body: route.method === 'GET' ? undefined : '{}',
        });
        answers.push(`${name} ${route.method} ${route.path} ${response.status}`);
        await response.body?.cancel();
      }
    }
    expect(answers.filter((answer) => !answer.endsWith(' 401'))).toEqual([]);
    expect(answers.length).toBeGreaterThan(15);
  });
});
