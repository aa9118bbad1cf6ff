import { aDevelopment } from '../testing/development-fixture';
import { liveModeText, parseStreamEvent } from './stream-event';
import type { LiveMode } from './stream-event';

describe('parseStreamEvent', () => {
  const development = aDevelopment({ developmentId: 'd-1', title: '<b>not markup</b>' });

  it('reads a development message', () => {
    const data = JSON.stringify({ type: 'NewsEventCorrected', sequence: 42, development });
    expect(parseStreamEvent(data)).toEqual({
      type: 'NewsEventCorrected',
      sequence: 42,
      development,
    });
  });

  it.each([
    'not json',
    'null',
    '[]',
    JSON.stringify({ type: 'Unknown', sequence: 1, development }),
    JSON.stringify({ type: 'NewsEventRecorded', sequence: '1', development }),
    JSON.stringify({ type: 'NewsEventRecorded', sequence: 1 }),
    JSON.stringify({ type: 'NewsEventRecorded', sequence: 1, development: { developmentId: 'd' } }),
  ])('refuses %s', (data) => {
    expect(parseStreamEvent(data)).toBeNull();
  });
});

describe('liveModeText', () => {
  it('says "live" only while the stream is open', () => {
    const modes: LiveMode[] = ['connecting', 'live', 'reconnecting', 'polling'];
    expect(modes.filter((mode) => liveModeText(mode).includes('live'))).toEqual(['live']);
  });
});
