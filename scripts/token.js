'use strict';
// `npm run -s token -- --name alice --role editor --days 30`: prints a token signed with the
// services' shared secret (HS256), for local use and tests. Only the token goes to standard
// output, so `TOKEN=$(npm run -s token -- --name alice --role editor)` works.
//
// The secret: AUTH_JWT_SECRET, else the file AUTH_JWT_SECRET_FILE names, else
// .newsline/jwt-secret (written by `npm start -- --sign-in`). AUTH_ISSUER and AUTH_AUDIENCE,
// when set, become the token's iss and aud, as the services then require.

const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');

const ROLES = ['reader', 'editor', 'admin'];
const MIN_SECRET_LENGTH = 32;
const MAX_DAYS = 3650;
const SECRET_FILE = path.join(path.resolve(__dirname, '..'), '.newsline', 'jwt-secret');
const USAGE =
  'usage: npm run -s token -- --name <name> --role <reader|editor|admin> [--days <days, default 30>]';

class UsageError extends Error {}

function optionsOf(args) {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        days: { type: 'string', default: '30' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${error.message}\n${USAGE}`);
  }
  const name = values.name?.trim();
  if (!name) throw new UsageError(`--name is missing: who the token names.\n${USAGE}`);
  if (!ROLES.includes(values.role)) {
    const given = values.role === undefined ? 'is missing' : `"${values.role}" is not a role`;
    throw new UsageError(`--role ${given}: one of ${ROLES.join(', ')}.\n${USAGE}`);
  }
  const days = Number(values.days);
  if (!/^\d+(\.\d+)?$/.test(values.days) || !(days > 0) || days > MAX_DAYS) {
    throw new UsageError(`--days "${values.days}" is not a number of days from 0 to ${MAX_DAYS}.`);
  }
  return { name, role: values.role, days };
}

/** The shared secret, and where it came from. */
function secretOf(env) {
  const [secret, source] = env.AUTH_JWT_SECRET
    ? [env.AUTH_JWT_SECRET, 'AUTH_JWT_SECRET']
    : env.AUTH_JWT_SECRET_FILE
      ? [readSecret(env.AUTH_JWT_SECRET_FILE), env.AUTH_JWT_SECRET_FILE]
      : fs.existsSync(SECRET_FILE)
        ? [readSecret(SECRET_FILE), SECRET_FILE]
        : [undefined, undefined];
  if (secret === undefined) {
    throw new UsageError(
      "no secret to sign with: set AUTH_JWT_SECRET (or AUTH_JWT_SECRET_FILE) to the services' " +
        'secret, or start them with "npm start -- --sign-in", which keeps one in ' +
        `${path.relative(process.cwd(), SECRET_FILE) || SECRET_FILE}.`,
    );
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new UsageError(
      `the secret in ${source} is shorter than ${MIN_SECRET_LENGTH} characters, which the ` +
        'services refuse: generate one with "openssl rand -base64 32".',
    );
  }
  return secret;
}

function readSecret(file) {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new UsageError(`cannot read the secret in ${file}: ${error.code ?? error.message}`);
  }
}

async function main() {
  const { name, role, days } = optionsOf(process.argv.slice(2));
  const secret = secretOf(process.env);
  // jose is an ES module: imported, not required.
  const { SignJWT } = await import('jose');
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + Math.round(days * 24 * 3600);
  const token = new SignJWT({ name, roles: [role] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(name)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt);
  if (process.env.AUTH_ISSUER) token.setIssuer(process.env.AUTH_ISSUER);
  if (process.env.AUTH_AUDIENCE) token.setAudience(process.env.AUTH_AUDIENCE);
  process.stdout.write(`${await token.sign(new globalThis.TextEncoder().encode(secret))}\n`);
  if (process.stderr.isTTY) {
    const until = new Date(expiresAt * 1000).toISOString();
    process.stderr.write(`token: ${name} (${role}), valid until ${until}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`token: ${error instanceof UsageError ? error.message : error.stack}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
