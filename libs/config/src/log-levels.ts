import { AppConfig } from './config';

/** Nest's logger levels for a LOG_LEVEL value. */
export function nestLogLevels(level: AppConfig['LOG_LEVEL']) {
  const levels = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
  const upTo = { fatal: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5, silent: -1 }[level];
  return levels.slice(0, upTo + 1);
}
