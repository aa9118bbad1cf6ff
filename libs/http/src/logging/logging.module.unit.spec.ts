import { prettyLogs } from './logging.module';

describe('prettyLogs', () => {
  it.each([
    ['auto', true, true],
    ['auto', false, false],
    ['auto', undefined, false],
    ['pretty', false, true],
    ['json', true, false],
  ] as const)('LOG_FORMAT=%s with a terminal %s: %s', (format, isTTY, pretty) => {
    expect(prettyLogs(format, { isTTY })).toBe(pretty);
  });
});
