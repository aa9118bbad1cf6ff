import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

const INSTALL_HINT =
  'nats-server is needed to check the NATS configuration in deploy/*.conf. Install it with ' +
  '"apt-get install nats-server" (Debian/Ubuntu) or from a release at https://nats.io, or point ' +
  'NATS_SERVER_BIN at it.';

/**
 * Options the configurations use that came after the oldest nats-server this check runs with
 * (Debian 12 ships 2.9.10), with the release that brought them and the values the NATS
 * reference documents. A server older than `since` rejects them as unknown fields, so their
 * lines are left out of what it checks and their values are checked against `value` instead.
 */
const NEWER_OPTIONS: Record<string, { since: string; value: RegExp }> = {
  sync_interval: { since: '2.10.0', value: /^(always|(\d+(\.\d+)?(ns|us|ms|s|m|h))+)$/ },
};

type Version = [number, number, number];

function run(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(NATS_SERVER, args, { cwd: __dirname, encoding: 'utf8', env });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(missing ? `${NATS_SERVER} not found. ${INSTALL_HINT}` : result.error.message);
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

function serverVersion(): Version {
  const { output } = run(['--version']);
  const match = /v(\d+)\.(\d+)\.(\d+)/.exec(output);
  if (!match) throw new Error(`cannot read the version of ${NATS_SERVER} from "${output}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function isOlder(version: Version, than: string): boolean {
  const other = than.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if (version[i] !== other[i]) return version[i] < other[i];
  }
  return false;
}

const confs = readdirSync(__dirname).filter((name) => name.endsWith('.conf'));
const sources = new Map(confs.map((name) => [name, readFileSync(join(__dirname, name), 'utf8')]));

/** Files another configuration includes are fragments: checked as part of the one that does. */
const fragments = new Set(
  [...sources.values()].flatMap((text) =>
    [...text.matchAll(/^\s*include\s+["']?([^"'\s;]+)/gm)].map((match) => match[1]),
  ),
);
const standalone = confs.filter((name) => !fragments.has(name));

/** `$NAME` references, which nats-server resolves from the environment (compose sets them). */
function environmentFor(text: string): NodeJS.ProcessEnv {
  const names = [...text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]);
  return { ...process.env, ...Object.fromEntries(names.map((name) => [name, 'checked'])) };
}

function optionLines(text: string, option: string): RegExpMatchArray[] {
  return [...text.matchAll(new RegExp(`^(\\s*)${option}\\s*[:=]\\s*(.*?)\\s*$`, 'gm'))];
}

/** The text a server of `version` checks: options newer than it left out, lines kept in place. */
function checkableBy(version: Version, text: string): string {
  for (const [option, { since }] of Object.entries(NEWER_OPTIONS)) {
    if (!isOlder(version, since)) continue;
    for (const [line, indent] of optionLines(text, option)) {
      text = text.replace(line, `${indent}# ${option}: needs nats-server ${since}`);
    }
  }
  return text;
}

describe('deploy/*.conf (NATS)', () => {
  let version: Version;
  let workDir: string;

  beforeAll(() => {
    version = serverVersion();
    // Every file, fragments included, side by side as in deploy/, so includes resolve.
    workDir = mkdtempSync(join(tmpdir(), 'newsline-nats-conf-'));
    for (const [name, text] of sources) {
      writeFileSync(join(workDir, name), checkableBy(version, text));
    }
  });

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('has configurations to check', () => {
    expect(standalone).toEqual(expect.arrayContaining(['nats.conf', 'nats-cluster.conf']));
  });

  it.each(standalone)('%s passes nats-server -t', (name) => {
    const file = join(workDir, name);
    const { status, output } = run(['-t', '-c', file], environmentFor(readFileSync(file, 'utf8')));
    if (status !== 0) {
      throw new Error(`nats-server ${version.join('.')} -t -c deploy/${name}:\n${output}`);
    }
    expect(output).toContain('is valid');
  });

  it.each(Object.entries(NEWER_OPTIONS))(
    'gives %s a value the NATS reference documents',
    (option, { value }) => {
      for (const [name, text] of sources) {
        for (const [, , given] of optionLines(text, option)) {
          expect({ file: name, [option]: given }).toEqual({
            file: name,
            [option]: expect.stringMatching(value),
          });
        }
      }
    },
  );
});
