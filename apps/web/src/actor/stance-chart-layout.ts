import type { Position, Stance } from '@app/client';
import {
  dayNumber,
  formatDayOfMonth,
  formatDayRange,
  formatMonth,
  formatShortMonth,
  isoDayOf,
  monthStartsBetween,
  mondaysBetween,
} from '../shared/dates';

/** A statement, drawn as a mark on its topic's row. */
export interface StanceMark {
  x: number;
  y: number;
  topic: string;
  stance: Stance;
  entry: Position['history'][number];
}

/** The time a stance held: from a statement to the next one on the topic (or the chart's end). */
export interface StanceBand {
  x: number;
  width: number;
  stance: Stance;
  from: string;
  until: string;
}

export interface StanceRow {
  topic: string;
  /** Top of the row; its band and marks are centred on `centerY`. */
  y: number;
  centerY: number;
  bands: StanceBand[];
  marks: StanceMark[];
}

export interface AxisTick {
  x: number;
  /** Empty for an unlabelled tick. */
  label: string;
  major: boolean;
}

export interface StanceChartLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  rowHeight: number;
  bandHeight: number;
  domain: { from: string; until: string };
  /** The span of the statements, said in words under the axis: "30 Nov – 21 Dec 2025". */
  caption: string;
  rows: StanceRow[];
  ticks: AxisTick[];
}

const MARGIN = { left: 180, right: 16, top: 8, bottom: 44 };
const ROW_HEIGHT = 40;
const BAND_HEIGHT = 14;
/** Space so that marks on the first and last day are not cut in half. */
const MARK_ROOM = 10;
/** A single day would have no width: the axis then spans a week either side. */
const SINGLE_DAY_PADDING = 7;
/** Weekly ticks are drawn when the chart spans fewer days than this. */
const WEEKLY_TICKS_UNDER_DAYS = 120;
const MIN_LABEL_GAP = 44;
const MAX_MONTH_LABELS = 12;
/** Room for a label such as "Jan 2026". */
const MIN_MONTH_LABEL_GAP = 64;

/** Positions laid out as a chart: one row per topic (A to Z), time on the x axis. */
export function layoutStanceChart(positions: Position[], width: number): StanceChartLayout | null {
  const withHistory = positions
    .filter((position) => position.history.length > 0)
    .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
  const days = withHistory.flatMap((position) => position.history.map((entry) => entry.occurredOn));
  if (days.length === 0) return null;
  const firstStatement = days.reduce((a, b) => (a < b ? a : b));
  const lastStatement = days.reduce((a, b) => (a > b ? a : b));
  let first = dayNumber(firstStatement);
  let last = dayNumber(lastStatement);
  if (first === last) {
    first -= SINGLE_DAY_PADDING;
    last += SINGLE_DAY_PADDING;
  }
  const plot = {
    left: MARGIN.left + MARK_ROOM,
    right: Math.max(MARGIN.left + MARK_ROOM + 100, width - MARGIN.right - MARK_ROOM),
    top: MARGIN.top,
    bottom: MARGIN.top + withHistory.length * ROW_HEIGHT,
  };
  const x = (isoDay: string) =>
    plot.left + ((dayNumber(isoDay) - first) / (last - first)) * (plot.right - plot.left);
  const domain = { from: isoDayOf(first), until: isoDayOf(last) };

  const rows = withHistory.map((position, index): StanceRow => {
    const y = plot.top + index * ROW_HEIGHT;
    const centerY = y + ROW_HEIGHT / 2;
    const history = position.history;
    const bands = history.map((entry, at): StanceBand => {
      const until = history[at + 1]?.occurredOn ?? domain.until;
      return {
        x: x(entry.occurredOn),
        width: x(until) - x(entry.occurredOn),
        stance: entry.stance,
        from: entry.occurredOn,
        until,
      };
    });
    const marks = history.map((entry): StanceMark => ({
      x: x(entry.occurredOn),
      y: centerY,
      topic: position.topic,
      stance: entry.stance,
      entry,
    }));
    return { topic: position.topic, y, centerY, bands, marks };
  });

  return {
    width: plot.right + MARK_ROOM + MARGIN.right,
    height: plot.bottom + MARGIN.bottom,
    plot,
    rowHeight: ROW_HEIGHT,
    bandHeight: BAND_HEIGHT,
    domain,
    caption: formatDayRange(firstStatement, lastStatement),
    rows,
    ticks: axisTicks(domain, x),
  };
}

/** Month ticks ("Dec 2025", "Jan 2026", "Feb": the year where it changes), with weekly ticks on short spans. */
export function axisTicks(
  domain: { from: string; until: string },
  x: (isoDay: string) => number,
): AxisTick[] {
  const months = monthStartsBetween(domain.from, domain.until);
  const monthWidth = x(isoDayOf(dayNumber(domain.from) + 30)) - x(domain.from);
  const labelEvery = Math.max(
    Math.ceil(months.length / MAX_MONTH_LABELS),
    Math.ceil(MIN_MONTH_LABEL_GAP / monthWidth),
  );
  let labelledYear: string | undefined;
  const majors = months.map((month, index): AxisTick => {
    if (index % labelEvery !== 0) return { x: x(month), label: '', major: true };
    const year = month.slice(0, 4);
    const label = year === labelledYear ? formatShortMonth(month) : formatMonth(month);
    labelledYear = year;
    return { x: x(month), label, major: true };
  });
  const span = dayNumber(domain.until) - dayNumber(domain.from);
  if (span >= WEEKLY_TICKS_UNDER_DAYS) return majors;
  const minors: AxisTick[] = [];
  for (const monday of mondaysBetween(domain.from, domain.until)) {
    const at = x(monday);
    if (months.includes(monday)) continue;
    const crowded = [...majors, ...minors].some(
      (tick) => tick.label && Math.abs(tick.x - at) < MIN_LABEL_GAP,
    );
    minors.push({ x: at, label: crowded ? '' : formatDayOfMonth(monday), major: false });
  }
  return [...majors, ...minors].sort((a, b) => a.x - b.x);
}

const LABEL_CHARACTERS = 22;

/** A row label that fits the margin: long topic names end in "…". */
export function rowLabel(topic: string): string {
  const characters = [...topic];
  return characters.length <= LABEL_CHARACTERS
    ? topic
    : `${characters.slice(0, LABEL_CHARACTERS - 1).join('')}…`;
}
