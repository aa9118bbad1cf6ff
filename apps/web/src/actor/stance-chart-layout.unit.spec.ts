import type { Position, Stance } from '@app/client';
import { axisTicks, layoutStanceChart, rowLabel } from './stance-chart-layout';

function entry(
  occurredOn: string,
  stance: Stance,
  developmentId = occurredOn,
): Position['history'][number] {
  return { occurredOn, stance, quote: null, summary: null, developmentId };
}

function position(topic: string, history: Position['history']): Position {
  const last = history[history.length - 1]!;
  return {
    topic,
    stance: last.stance,
    since: last.occurredOn,
    quote: null,
    developmentId: 'd',
    history,
  };
}

describe('layoutStanceChart', () => {
  const positions = [
    position('security-guarantees', [entry('2025-12-14', 'conditional')]),
    position('peace-plan', [
      entry('2025-12-01', 'support'),
      entry('2025-12-11', 'oppose'),
      entry('2025-12-21', 'neutral'),
    ]),
  ];
  const layout = layoutStanceChart(positions, 900)!;

  it('has a row per topic, A to Z', () => {
    expect(layout.rows.map((row) => row.topic)).toEqual(['peace-plan', 'security-guarantees']);
    expect(layout.rows[1]!.y - layout.rows[0]!.y).toBe(layout.rowHeight);
  });

  it('spans the first to the last statement on the x axis', () => {
    expect(layout.domain).toEqual({ from: '2025-12-01', until: '2025-12-21' });
    const marks = layout.rows[0]!.marks;
    expect(marks[0]!.x).toBe(layout.plot.left);
    expect(marks[2]!.x).toBe(layout.plot.right);
    // 10 days of 20: half way.
    expect(marks[1]!.x).toBeCloseTo((layout.plot.left + layout.plot.right) / 2);
    expect(layout.caption).toMatch(/^1\s?–\s?21 Dec 2025$/);
    expect(layout.width).toBeLessThanOrEqual(900);
  });

  it('draws each stance until the next statement, the last one until the end', () => {
    const bands = layout.rows[0]!.bands;
    expect(bands.map(({ stance, from, until }) => ({ stance, from, until }))).toEqual([
      { stance: 'support', from: '2025-12-01', until: '2025-12-11' },
      { stance: 'oppose', from: '2025-12-11', until: '2025-12-21' },
      { stance: 'neutral', from: '2025-12-21', until: '2025-12-21' },
    ]);
    expect(bands[0]!.x + bands[0]!.width).toBeCloseTo(bands[1]!.x);
    expect(bands[2]!.width).toBe(0);
    const single = layout.rows[1]!.bands[0]!;
    expect(single.until).toBe('2025-12-21');
    expect(single.x + single.width).toBeCloseTo(layout.plot.right);
  });

  it('puts marks on the middle of their row', () => {
    for (const row of layout.rows) {
      for (const mark of row.marks) expect(mark.y).toBe(row.centerY);
    }
    expect(layout.rows[1]!.marks[0]).toMatchObject({
      topic: 'security-guarantees',
      stance: 'conditional',
    });
  });

  it('gives a single day a week either side', () => {
    const one = layoutStanceChart([position('peace-plan', [entry('2025-12-02', 'support')])], 600)!;
    expect(one.domain).toEqual({ from: '2025-11-25', until: '2025-12-09' });
    expect(one.rows[0]!.marks[0]!.x).toBeCloseTo((one.plot.left + one.plot.right) / 2);
    expect(one.caption).toBe('2 Dec 2025');
  });

  it('is nothing without statements', () => {
    expect(layoutStanceChart([], 900)).toBeNull();
    expect(
      layoutStanceChart([{ ...position('x', [entry('2025-12-02', 'support')]), history: [] }], 900),
    ).toBeNull();
  });
});

describe('axisTicks', () => {
  const linear = (from: string, until: string, width: number) => {
    const start = Date.parse(from);
    const span = Date.parse(until) - start;
    return (day: string) => ((Date.parse(day) - start) / span) * width;
  };

  it('labels month starts and, on short spans, Mondays', () => {
    const domain = { from: '2025-11-30', until: '2025-12-21' };
    const ticks = axisTicks(domain, linear(domain.from, domain.until, 800));
    expect(ticks.filter((tick) => tick.major).map((tick) => tick.label)).toEqual(['Dec 2025']);
    expect(ticks.filter((tick) => !tick.major).map((tick) => tick.label)).toEqual([
      '8 Dec',
      '15 Dec',
    ]);
  });

  it('labels only month starts on long spans, with the year where it changes', () => {
    const domain = { from: '2025-10-15', until: '2026-03-10' };
    const ticks = axisTicks(domain, linear(domain.from, domain.until, 800));
    expect(ticks.every((tick) => tick.major)).toBe(true);
    expect(ticks.map((tick) => tick.label)).toEqual(['Nov 2025', 'Dec', 'Jan 2026', 'Feb', 'Mar']);
  });

  it('labels every few months on spans of years', () => {
    const domain = { from: '2020-01-01', until: '2025-12-31' };
    const ticks = axisTicks(domain, linear(domain.from, domain.until, 800));
    expect(ticks).toHaveLength(72);
    expect(ticks.filter((tick) => tick.label).length).toBeLessThanOrEqual(12);
  });

  it('labels fewer months when they are narrow', () => {
    const domain = { from: '2025-10-15', until: '2026-03-10' };
    const ticks = axisTicks(domain, linear(domain.from, domain.until, 250));
    expect(ticks).toHaveLength(5);
    expect(ticks.map((tick) => tick.label)).toEqual(['Nov 2025', '', 'Jan 2026', '', 'Mar']);
    const shifted = { from: '2025-11-15', until: '2026-04-10' };
    expect(
      axisTicks(shifted, linear(shifted.from, shifted.until, 250)).map((tick) => tick.label),
    ).toEqual(['Dec 2025', '', 'Feb 2026', '', 'Apr']);
  });

  it('leaves out week labels that would crowd a month label', () => {
    const domain = { from: '2025-11-28', until: '2025-12-12' };
    const ticks = axisTicks(domain, linear(domain.from, domain.until, 200));
    const december = ticks.find((tick) => tick.label === 'Dec 2025')!;
    for (const tick of ticks.filter((t) => t.label && t !== december)) {
      expect(Math.abs(tick.x - december.x)).toBeGreaterThanOrEqual(44);
    }
  });
});

describe('rowLabel', () => {
  it('shortens long topics', () => {
    expect(rowLabel('peace-plan')).toBe('peace-plan');
    expect(rowLabel('a-very-long-topic-name-that-goes-on')).toBe('a-very-long-topic-nam…');
    expect([...rowLabel('a-very-long-topic-name-that-goes-on')]).toHaveLength(22);
  });
});
