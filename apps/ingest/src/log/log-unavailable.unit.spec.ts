import { LogUnavailableError } from '@app/jetstream';
import { logUnavailableAnswer, logUnavailableResponse } from './log-unavailable';

describe('logUnavailableResponse', () => {
  it('is a 503 with Retry-After that says nothing was recorded', () => {
    const answer = logUnavailableResponse(new LogUnavailableError('no responders'));
    expect(answer.status).toBe(503);
    expect(answer.headers).toEqual({ 'Retry-After': '2' });
    expect(answer.toBody()).toEqual({
      error: 'log_unavailable',
      message: 'The log is unavailable (no responders): nothing was recorded. Retry later.',
      details: [],
    });
  });

  it('says when the write may have been recorded', () => {
    const error = new LogUnavailableError('timeout', { outcomeUnknown: true });
    expect(logUnavailableResponse(error).message).toBe(
      'The log is unavailable (timeout): it may or may not have been recorded; ' +
        'retrying with the same key tells which. Retry later.',
    );
  });
});

describe('logUnavailableAnswer', () => {
  it('answers LogUnavailableError and nothing else', () => {
    expect(logUnavailableAnswer(new LogUnavailableError('down'))?.code).toBe('log_unavailable');
    expect(logUnavailableAnswer(new Error('down'))).toBeUndefined();
  });
});
