import { aDevelopment } from '../testing/development-fixture';
import {
  actorEventConcerns,
  liveModeText,
  parseActorStreamEvent,
  parseStreamEvent,
} from './stream-event';
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

describe('parseActorStreamEvent', () => {
  it('reads a merge and an unmerge, with Cyrillic ids', () => {
    const merged = { type: 'ActorMerged', sequence: 7, actorId: 'умєров', into: 'rustem-umerov' };
    const unmerged = {
      type: 'ActorUnmerged',
      sequence: 8,
      actorId: 'умєров',
      from: 'rustem-umerov',
    };
    expect(parseActorStreamEvent(JSON.stringify(merged))).toEqual(merged);
    expect(parseActorStreamEvent(JSON.stringify(unmerged))).toEqual(unmerged);
  });

  it.each([
    'not json',
    'null',
    JSON.stringify({ type: 'NewsEventRecorded', sequence: 1, actorId: 'a', into: 'b' }),
    JSON.stringify({ type: 'ActorMerged', sequence: '1', actorId: 'a', into: 'b' }),
    JSON.stringify({ type: 'ActorMerged', sequence: 1, actorId: 'a' }),
    JSON.stringify({ type: 'ActorMerged', sequence: 1, actorId: 'a', from: 'b' }),
    JSON.stringify({ type: 'ActorUnmerged', sequence: 1, actorId: '', from: 'b' }),
  ])('refuses %s', (data) => {
    expect(parseActorStreamEvent(data)).toBeNull();
  });
});

describe('actorEventConcerns', () => {
  const shown = new Set(['rustem-umerov', 'умєров']);

  it('is true when the merged actor or the one it joins or leaves is shown', () => {
    expect(
      actorEventConcerns(
        { type: 'ActorMerged', sequence: 1, actorId: 'x', into: 'rustem-umerov' },
        shown,
      ),
    ).toBe(true);
    expect(
      actorEventConcerns(
        { type: 'ActorUnmerged', sequence: 2, actorId: 'умєров', from: 'y' },
        shown,
      ),
    ).toBe(true);
  });

  it('is false for merges of other actors', () => {
    expect(
      actorEventConcerns({ type: 'ActorMerged', sequence: 1, actorId: 'x', into: 'y' }, shown),
    ).toBe(false);
  });
});

describe('liveModeText', () => {
  it('says "live" only while the stream is open', () => {
    const modes: LiveMode[] = ['connecting', 'live', 'reconnecting', 'polling'];
    expect(modes.filter((mode) => liveModeText(mode).includes('live'))).toEqual(['live']);
  });
});
