// An SVG of the run: write and query p99 latency over time, and each process's resident
// memory, with the chaos actions marked. Plain SVG: polylines, axes and labels.

const WIDTH = 960;
const PANEL_HEIGHT = 240;
const MARGIN = { left: 64, right: 180, top: 100, bottom: 40, between: 64 };
const COLORS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#7f7f7f',
  '#bcbd22',
];
const CHAOS_LABELS = {
  'kill-ingest': 'ingest',
  'kill-active-projector': 'projector',
  'kill-nats-leader': 'leader',
  'kill-nats-replica': 'replica',
  'terminate-pg-connections': 'pg',
  rebuild: 'rebuild',
};
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escape(content) {
  return String(content).replace(/[&<>"]/g, (c) => ENTITIES[c]);
}

function text(x, y, content, attributes = '') {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attributes}>${escape(content)}</text>`;
}

function line(x1, y1, x2, y2, attributes) {
  const at = (n) => n.toFixed(1);
  return `<line x1="${at(x1)}" y1="${at(y1)}" x2="${at(x2)}" y2="${at(y2)}" ${attributes}/>`;
}

/** A round upper bound for a linear axis. */
function niceCeiling(value) {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 1.5, 2, 3, 4, 5, 6, 8, 10].map((step) => step * power).find((b) => b >= value);
}

/**
 * The vertical axis, as a fraction of the panel's height for a value, and its ticks: linear
 * from 0, or logarithmic from 1 (latencies, where a few outliers of seconds would flatten the
 * rest).
 */
function verticalAxis(values, logarithmic) {
  const highest = Math.max(0, ...values);
  if (!logarithmic) {
    const max = niceCeiling(highest);
    return {
      fraction: (value) => value / max,
      ticks: Array.from({ length: 6 }, (_, i) => (max * i) / 5),
    };
  }
  const decades = Math.max(1, Math.ceil(Math.log10(Math.max(highest, 1))));
  return {
    fraction: (value) => Math.log10(Math.max(value, 1)) / decades,
    ticks: Array.from({ length: decades + 1 }, (_, i) => 10 ** i),
  };
}

/** One panel: axes, ticks, a polyline per series ({name, points: [[t, value]]}), a legend. */
function panel({ top, title, unit, series, maxT, logarithmic = false }) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const values = series.flatMap((s) => s.points.map(([, value]) => value ?? 0));
  const axis = verticalAxis(values, logarithmic);
  const x = (t) => MARGIN.left + (t / maxT) * plotWidth;
  const y = (value) => top + PANEL_HEIGHT - axis.fraction(value) * PANEL_HEIGHT;
  const bottom = top + PANEL_HEIGHT;
  const middle = top + PANEL_HEIGHT / 2;
  const parts = [
    text(MARGIN.left, top - 44, title, 'font-size="14" font-weight="bold"'),
    text(
      16,
      middle,
      unit,
      `font-size="12" text-anchor="middle" transform="rotate(-90 16 ${middle})"`,
    ),
  ];
  for (const value of axis.ticks) {
    parts.push(
      line(x(0) - 4, y(value), x(maxT), y(value), 'stroke="#eee"'),
      text(
        x(0) - 8,
        y(value) + 4,
        Number(value.toPrecision(3)),
        'font-size="11" text-anchor="end"',
      ),
    );
  }
  for (let i = 0; i <= 5; i++) {
    const t = (maxT * i) / 5;
    parts.push(
      line(x(t), bottom, x(t), bottom + 4, 'stroke="#333"'),
      text(x(t), bottom + 16, `${Math.round(t)} s`, 'font-size="11" text-anchor="middle"'),
    );
  }
  parts.push(
    line(x(0), bottom, x(maxT), bottom, 'stroke="#333"'),
    line(x(0), bottom, x(0), top, 'stroke="#333"'),
  );
  series.forEach((s, index) => {
    const color = COLORS[index % COLORS.length];
    const points = s.points
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([t, value]) => `${x(t).toFixed(1)},${y(value).toFixed(1)}`);
    const legendX = WIDTH - MARGIN.right + 16;
    const legendY = top + 10 + index * 18;
    parts.push(
      `<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="1.5"/>`,
      line(legendX, legendY, legendX + 20, legendY, `stroke="${color}" stroke-width="2"`),
      text(legendX + 26, legendY + 4, s.name, 'font-size="12"'),
    );
  });
  return { svg: parts.join('\n'), x, top, bottom };
}

/** A dashed line across both panels at each chaos action, labelled with its kind. */
function chaosMarkers(actions, first, last, maxT) {
  return actions.map((action) => {
    const x = first.x(Math.min(action.at, maxT));
    const label = CHAOS_LABELS[action.kind] ?? action.kind;
    return [
      line(x, first.top, x, last.bottom, 'stroke="#999" stroke-dasharray="3,3"'),
      text(
        x + 2,
        first.top - 4,
        label,
        `font-size="9" fill="#555" transform="rotate(-35 ${x + 2} ${first.top - 4})"`,
      ),
    ].join('\n');
  });
}

/** The SVG document for the run's intervals and chaos actions. */
function plotSvg({ title, intervals, actions }) {
  const maxT = Math.max(1, ...intervals.map((interval) => interval.t));
  const latency = panel({
    top: MARGIN.top,
    title: 'p99 latency per interval (log scale)',
    unit: 'ms',
    logarithmic: true,
    maxT,
    series: [
      { name: 'writes p99', points: intervals.map((i) => [i.t, i.writes.p99Ms]) },
      { name: 'queries p99', points: intervals.map((i) => [i.t, i.queries.p99Ms]) },
    ],
  });
  const names = [...new Set(intervals.flatMap((interval) => Object.keys(interval.rssMiB ?? {})))];
  const memory = panel({
    top: latency.bottom + MARGIN.bottom + MARGIN.between,
    title: 'resident memory (VmRSS)',
    unit: 'MiB',
    maxT,
    series: names.map((name) => ({
      name,
      points: intervals.map((i) => [i.t, i.rssMiB?.[name] ?? null]),
    })),
  });
  const height = memory.bottom + MARGIN.bottom;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">`,
    '<rect width="100%" height="100%" fill="white"/>',
    text(MARGIN.left, 20, title, 'font-size="15"'),
    latency.svg,
    memory.svg,
    ...chaosMarkers(actions, latency, memory, maxT),
    '</svg>',
    '',
  ].join('\n');
}

module.exports = { plotSvg };
