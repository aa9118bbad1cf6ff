import { eventName, recordedByText } from './history-text';

describe('history text', () => {
  it('names who recorded an event', () => {
    expect(recordedByText('alice')).toBe('by alice');
    expect(recordedByText('Олена')).toBe('by Олена');
    expect(recordedByText(null)).toBe('by an anonymous writer');
    expect(recordedByText(undefined)).toBe('by an anonymous writer');
  });

  it('names the events', () => {
    expect(eventName('NewsEventRecorded')).toBe('Recorded');
    expect(eventName('NewsEventCorrected')).toBe('Corrected');
    expect(eventName('NewsEventRetracted')).toBe('Retracted');
    expect(eventName('SomethingNew')).toBe('SomethingNew');
  });
});
