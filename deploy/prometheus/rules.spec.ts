import { spawnSync } from 'node:child_process';

const PROMTOOL = process.env.PROMTOOL ?? 'promtool';

const INSTALL_HINT =
  'promtool is needed to check the Prometheus rules and configuration in deploy/prometheus. ' +
  'Install it with "apt-get install prometheus" (Debian/Ubuntu; .ci/run does it when it is ' +
  'missing) or from a release at https://prometheus.io/download/, or point PROMTOOL at it.';

/** Runs promtool in this folder (paths in the files are relative to it); fails on non-zero. */
function promtool(...args: string[]): string {
  const result = spawnSync(PROMTOOL, args, { cwd: __dirname, encoding: 'utf8' });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(missing ? `${PROMTOOL} not found. ${INSTALL_HINT}` : result.error.message);
  }
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) {
    throw new Error(`promtool ${args.join(' ')} exited with ${result.status}:\n${output}`);
  }
  return output;
}

describe('deploy/prometheus', () => {
  it('has valid alerting rules', () => {
    expect(promtool('check', 'rules', 'rules/newsline.rules.yml')).toContain('SUCCESS');
  });

  it('has rules that fire, and stay quiet, as newsline.rules.test.yml expects', () => {
    expect(promtool('test', 'rules', 'rules/newsline.rules.test.yml')).toContain('SUCCESS');
  });

  it('has a valid Prometheus configuration that loads the rules', () => {
    expect(promtool('check', 'config', 'prometheus.yml')).toMatch(/SUCCESS: 1 rule files? found/);
  });
});
