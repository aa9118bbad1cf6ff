import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AppConfig } from './config';
import { ConfigError, loadConfig } from './config';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  describe('defaults (API.md, "Running (configuration contract)")', () => {
    const config = loadConfig({});

    it.each([
      ['NATS_URL', 'nats://127.0.0.1:4222'],
      ['DATABASE_URL', 'postgres://postgres:postgres@127.0.0.1:5432/newsline'],
      ['STREAM_NAME', 'NEWS'],
      ['SUBJECT_PREFIX', 'news'],
      ['STREAM_REPLICAS', 1],
      ['INGEST_PORT', 3000],
      ['PROJECTOR_PORT', 3001],
      ['LOG_LEVEL', 'info'],
      ['BODY_LIMIT_BYTES', 1024 * 1024],
      ['INGEST_URL', 'http://127.0.0.1:3000'],
      ['PROJECTOR_DURABLE', 'projector'],
      ['WEB_DIR', resolve('dist/web')],
      ['AUTH_ROLES_CLAIM', 'roles'],
      ['AUTH_REQUIRE_READ', false],
    ] as const)('%s defaults to %j', (name, value) => {
      expect(config[name]).toBe(value);
    });

    it.each([
      ['DATABASE_READ_URL'],
      ['INGEST_TOKEN'],
      ['ADMIN_TOKEN'],
      ['READ_TOKEN'],
      ['AUTH_JWT_SECRET'],
      ['AUTH_JWKS_URL'],
      ['AUTH_ISSUER'],
      ['AUTH_AUDIENCE'],
      ['AUTH_NAME_CLAIM'],
    ] as const)('%s is unset by default', (name) => {
      expect(config[name]).toBeUndefined();
    });
  });

  describe('values from the environment', () => {
    it('takes strings as they are', () => {
      const config = loadConfig({
        NATS_URL: 'nats://a:4222,nats://b:4222',
        DATABASE_URL: 'postgres://u:p@db:5432/other',
        DATABASE_READ_URL: 'postgres://u:p@replica:5432/other',
        STREAM_NAME: 'NEWS_STAGING',
        SUBJECT_PREFIX: 'staging',
        LOG_LEVEL: 'debug',
      });
      expect(config).toMatchObject({
        NATS_URL: 'nats://a:4222,nats://b:4222',
        DATABASE_URL: 'postgres://u:p@db:5432/other',
        DATABASE_READ_URL: 'postgres://u:p@replica:5432/other',
        STREAM_NAME: 'NEWS_STAGING',
        SUBJECT_PREFIX: 'staging',
        LOG_LEVEL: 'debug',
      });
    });

    it('turns numbers into numbers', () => {
      const config = loadConfig({
        STREAM_REPLICAS: '3',
        INGEST_PORT: '8080',
        PROJECTOR_PORT: '8081',
      });
      expect(config.STREAM_REPLICAS).toBe(3);
      expect(config.INGEST_PORT).toBe(8080);
      expect(config.PROJECTOR_PORT).toBe(8081);
    });

    it('reads CORS_ORIGINS as a list of origins, * for any only when given, else none', () => {
      expect(
        loadConfig({ CORS_ORIGINS: 'https://news.example.org, http://localhost:3001/' })
          .CORS_ORIGINS,
      ).toEqual(['https://news.example.org', 'http://localhost:3001']);
      expect(loadConfig({ CORS_ORIGINS: 'https://a.example, *' }).CORS_ORIGINS).toBe('*');
      expect(loadConfig({ CORS_ORIGINS: '*' }).CORS_ORIGINS).toBe('*');
      expect(loadConfig({ CORS_ORIGINS: ' , ' }).CORS_ORIGINS).toEqual([]);
      expect(loadConfig({}).CORS_ORIGINS).toEqual([]);
    });

    it("takes INGEST_URL as an origin, by default ingest's port on this host", () => {
      expect(loadConfig({ INGEST_URL: 'http://ingest:3000/' }).INGEST_URL).toBe(
        'http://ingest:3000',
      );
      expect(loadConfig({ INGEST_URL: 'https://ingest.example.org' }).INGEST_URL).toBe(
        'https://ingest.example.org',
      );
      expect(loadConfig({ INGEST_PORT: '8080' }).INGEST_URL).toBe('http://127.0.0.1:8080');
    });

    it('takes WEB_DIR relative to the working directory unless absolute', () => {
      expect(loadConfig({ WEB_DIR: 'build/web' }).WEB_DIR).toBe(resolve('build/web'));
      expect(loadConfig({ WEB_DIR: '/srv/newsline/web' }).WEB_DIR).toBe('/srv/newsline/web');
    });

    it('keeps a token that is set', () => {
      expect(loadConfig({ INGEST_TOKEN: 's3cret' }).INGEST_TOKEN).toBe('s3cret');
    });

    it.each([['INGEST_TOKEN'], ['ADMIN_TOKEN'], ['READ_TOKEN']])(
      'treats an empty %s as unset (no auth, not an empty token)',
      (name) => {
        expect(loadConfig({ [name]: '' })[name as 'INGEST_TOKEN']).toBeUndefined();
      },
    );
  });

  describe('bad values stop the service with a ConfigError naming the variable', () => {
    it.each([
      ['STREAM_REPLICAS', '0'],
      ['STREAM_REPLICAS', '6'],
      ['STREAM_REPLICAS', 'three'],
      ['STREAM_REPLICAS', '1.5'],
      ['INGEST_PORT', 'abc'],
      ['INGEST_PORT', '65536'],
      ['INGEST_PORT', '-1'],
      ['INGEST_PORT', '80.5'],
      ['PROJECTOR_PORT', 'abc'],
      ['STREAM_NAME', 'NEWS STAGING'],
      ['STREAM_NAME', 'NEWS.STAGING'],
      ['SUBJECT_PREFIX', 'news.dev'],
      ['SUBJECT_PREFIX', 'news>'],
      ['SUBJECT_PREFIX', '*'],
      ['LOG_LEVEL', 'verbose'],
      ['DATABASE_URL', 'not a url'],
      ['DATABASE_READ_URL', 'replica'],
      ['CORS_ORIGINS', 'news.example.org'],
      ['CORS_ORIGINS', 'https://news.example.org/path'],
      ['CORS_ORIGINS', 'ftp://news.example.org'],
      ['INGEST_URL', 'localhost:3000'],
      ['INGEST_URL', 'ftp://ingest.example.org'],
      ['INGEST_URL', 'http://ingest:3000/v1'],
      ['PROJECTOR_DURABLE', 'projector.main'],
      ['AUTH_JWT_SECRET', 'too-short'],
      ['AUTH_JWKS_URL', 'idp.example.org/jwks'],
      ['AUTH_REQUIRE_READ', 'sometimes'],
    ])('%s=%j', (name, value) => {
      const error = errorOf({ [name]: value });
      expect(error.message).toContain(`${name}:`);
    });

    it.each(['INGEST_PORT', 'PROJECTOR_PORT', 'STREAM_NAME', 'NATS_URL', 'STREAM_REPLICAS'])(
      'treats an empty %s as unset, so the default applies',
      (name) => {
        expect(loadConfig({ [name]: '' })[name as keyof AppConfig]).toEqual(
          loadConfig({})[name as keyof AppConfig],
        );
      },
    );

    it('says how to make a secret long enough, without repeating the secret', () => {
      const error = errorOf({ AUTH_JWT_SECRET: 'hunter2' });
      expect(error.message).toContain('AUTH_JWT_SECRET: must be at least 32 characters');
      expect(error.message).toContain('openssl rand -base64 32');
      expect(error.message).not.toContain('hunter2');
    });

    it('names every bad variable at once', () => {
      const error = errorOf({ STREAM_REPLICAS: '0', INGEST_PORT: 'abc', LOG_LEVEL: 'loud' });
      expect(error.message).toContain('STREAM_REPLICAS');
      expect(error.message).toContain('INGEST_PORT');
      expect(error.message).toContain('LOG_LEVEL');
      expect(error.message).not.toContain('PROJECTOR_PORT');
    });
  });

  describe('sign-in', () => {
    const SECRET = 'a-shared-secret-of-at-least-32-characters';
    const secretFile = (content: string) => {
      const file = join(mkdtempSync(join(tmpdir(), 'newsline-config-')), 'jwt-secret');
      writeFileSync(file, content);
      return file;
    };
    const JWKS_URL = 'https://idp.example/realms/news/protocol/openid-connect/certs';

    it('takes the shared secret, with an issuer and audience to check when given', () => {
      const config = loadConfig({ AUTH_JWT_SECRET: SECRET });
      expect([config.AUTH_JWT_SECRET, config.AUTH_ISSUER]).toEqual([SECRET, undefined]);
      expect(
        loadConfig({ AUTH_JWT_SECRET: SECRET, AUTH_ISSUER: 'newsline', AUTH_AUDIENCE: 'desk' }),
      ).toMatchObject({ AUTH_ISSUER: 'newsline', AUTH_AUDIENCE: 'desk' });
    });

    it('reads the secret from AUTH_JWT_SECRET_FILE, without its final newline', () => {
      const file = secretFile(`${SECRET}\n`);
      expect(loadConfig({ AUTH_JWT_SECRET_FILE: file }).AUTH_JWT_SECRET).toBe(SECRET);
    });

    it.each([
      [
        'both the secret and its file',
        () => ({ AUTH_JWT_SECRET: SECRET, AUTH_JWT_SECRET_FILE: secretFile(SECRET) }),
        'AUTH_JWT_SECRET_FILE: set AUTH_JWT_SECRET or AUTH_JWT_SECRET_FILE, not both',
      ],
      [
        'a secret file that is not there',
        () => ({ AUTH_JWT_SECRET_FILE: '/nonexistent/jwt-secret' }),
        'AUTH_JWT_SECRET_FILE: cannot read /nonexistent/jwt-secret: ENOENT',
      ],
      [
        'a short secret in the file',
        () => ({ AUTH_JWT_SECRET_FILE: secretFile('short\n') }),
        'AUTH_JWT_SECRET_FILE: the secret in',
      ],
      [
        'JWKS without an issuer',
        () => ({ AUTH_JWKS_URL: JWKS_URL, AUTH_AUDIENCE: 'newsline' }),
        'AUTH_ISSUER: required with AUTH_JWKS_URL',
      ],
      [
        'JWKS without an audience',
        () => ({ AUTH_JWKS_URL: JWKS_URL, AUTH_ISSUER: 'https://idp.example/realms/news' }),
        'AUTH_AUDIENCE: required with AUTH_JWKS_URL',
      ],
      [
        'an issuer without sign-in',
        () => ({ AUTH_ISSUER: 'https://idp.example' }),
        'AUTH_ISSUER: only used with sign-in',
      ],
      [
        'AUTH_REQUIRE_READ with nothing that could read',
        () => ({ AUTH_REQUIRE_READ: 'true' }),
        'AUTH_REQUIRE_READ: would close reads to everyone',
      ],
    ])('refuses %s', (_, env, message) => {
      expect(errorOf(env()).message).toContain(message);
    });

    it('takes JWKS with its issuer and audience, and the claims to read', () => {
      expect(
        loadConfig({
          AUTH_JWKS_URL: JWKS_URL,
          AUTH_ISSUER: 'https://idp.example/realms/news',
          AUTH_AUDIENCE: 'newsline',
          AUTH_ROLES_CLAIM: 'realm_access.roles',
          AUTH_NAME_CLAIM: 'preferred_username',
          AUTH_REQUIRE_READ: 'true',
        }),
      ).toMatchObject({
        AUTH_JWKS_URL: JWKS_URL,
        AUTH_ROLES_CLAIM: 'realm_access.roles',
        AUTH_NAME_CLAIM: 'preferred_username',
        AUTH_REQUIRE_READ: true,
      });
    });

    it('reads AUTH_REQUIRE_READ as a boolean', () => {
      const withSecret = (value: string) =>
        loadConfig({ AUTH_JWT_SECRET: SECRET, AUTH_REQUIRE_READ: value }).AUTH_REQUIRE_READ;
      expect(['true', '1', 'yes', 'false', '0', 'no'].map(withSecret)).toEqual([
        true,
        true,
        true,
        false,
        false,
        false,
      ]);
    });
  });
});
