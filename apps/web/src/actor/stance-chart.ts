import type { Position, Stance } from '@app/client';
import { developmentHref, topicHref } from '../routing/routes';
import { formatDay } from '../shared/dates';
import { html, svg } from '../shared/dom';
import { STANCES, stanceClass } from '../shared/stances';
import { stanceBadge } from '../shared/ui';
import { layoutStanceChart, rowLabel } from './stance-chart-layout';
import type { StanceChartLayout, StanceMark } from './stance-chart-layout';

const MARK_SIZE = 7;
const HIDE_DELAY_MS = 250;

/** Each stance has its own mark shape, so stances differ without colour too. */
function markShape(stance: Stance, x: number, y: number): SVGElement {
  const s = MARK_SIZE;
  switch (stance) {
    case 'support':
      return svg('circle', { cx: x, cy: y, r: s, class: 'mark-shape' });
    case 'oppose':
      return svg('rect', {
        x: x - s * 0.85,
        y: y - s * 0.85,
        width: s * 1.7,
        height: s * 1.7,
        class: 'mark-shape',
      });
    case 'conditional':
      return svg('path', {
        d: `M${x} ${y - s * 1.2}L${x + s * 1.2} ${y}L${x} ${y + s * 1.2}L${x - s * 1.2} ${y}Z`,
        class: 'mark-shape',
      });
    case 'neutral':
      return svg('path', {
        d: `M${x} ${y - s * 1.1}L${x + s * 1.1} ${y + s * 0.9}L${x - s * 1.1} ${y + s * 0.9}Z`,
        class: 'mark-shape',
      });
  }
}

/** Textures laid over the stance colours: none (support), hatching, dots, horizontal lines. */
function patternDefinitions(): SVGDefsElement {
  const pattern = (id: string, ...children: SVGElement[]) =>
    svg(
      'pattern',
      { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', class: 'band-pattern' },
      ...children,
    );
  return svg(
    'defs',
    {},
    pattern('stance-pattern-oppose', svg('path', { d: 'M-1 7L7 -1M-1 1L1 -1M5 7L7 5' })),
    pattern('stance-pattern-conditional', svg('circle', { cx: 3, cy: 3, r: 1.2 })),
    pattern('stance-pattern-neutral', svg('path', { d: 'M0 3H6' })),
  );
}

function bandTexture(stance: Stance): string | undefined {
  return stance === 'support' ? undefined : `url(#stance-pattern-${stance})`;
}

function markLabel(mark: StanceMark): string {
  const parts = [`${mark.topic}: ${mark.stance} on ${formatDay(mark.entry.occurredOn)}`];
  if (mark.entry.quote) parts.push(`“${mark.entry.quote}”`);
  if (mark.entry.summary) parts.push(mark.entry.summary);
  return parts.join('. ');
}

function drawAxis(layout: StanceChartLayout): SVGGElement {
  const { plot } = layout;
  return svg(
    'g',
    { class: 'axis' },
    ...layout.ticks.flatMap((tick) => [
      svg('line', {
        x1: tick.x,
        x2: tick.x,
        y1: plot.top,
        y2: plot.bottom + 4,
        class: tick.major ? 'tick tick-major' : 'tick tick-minor',
      }),
      tick.label &&
        svg(
          'text',
          { x: tick.x, y: plot.bottom + 18, class: 'tick-label', 'text-anchor': 'middle' },
          tick.label,
        ),
    ]),
    svg(
      'text',
      { x: plot.left, y: plot.bottom + 36, class: 'axis-caption' },
      `Statements: ${layout.caption}`,
    ),
  );
}

function drawRows(layout: StanceChartLayout, marks: Map<Element, StanceMark>): SVGGElement[] {
  const { plot, bandHeight } = layout;
  return layout.rows.map((row) =>
    svg(
      'g',
      { class: 'row', 'data-topic': row.topic },
      svg('line', {
        x1: plot.left,
        x2: plot.right,
        y1: row.centerY,
        y2: row.centerY,
        class: 'row-line',
      }),
      svg(
        'a',
        { href: topicHref(row.topic), class: 'row-label' },
        svg('title', {}, row.topic),
        svg(
          'text',
          { x: plot.left - 16, y: row.centerY + 4, 'text-anchor': 'end' },
          rowLabel(row.topic),
        ),
      ),
      ...row.bands.flatMap((band) => {
        const geometry = {
          x: band.x,
          y: row.centerY - bandHeight / 2,
          width: Math.max(0, band.width),
          height: bandHeight,
        };
        const texture = bandTexture(band.stance);
        return [
          svg(
            'rect',
            { ...geometry, class: `band ${stanceClass(band.stance)}` },
            svg(
              'title',
              {},
              `${band.stance} from ${formatDay(band.from)} to ${formatDay(band.until)}`,
            ),
          ),
          texture && svg('rect', { ...geometry, fill: texture, class: 'band-texture' }),
        ].filter((element): element is SVGRectElement => Boolean(element));
      }),
      ...row.marks.map((mark) => {
        const element = svg(
          'g',
          {
            class: `stance-mark ${stanceClass(mark.stance)}`,
            'data-testid': 'stance-mark',
            'data-stance': mark.stance,
            'data-topic': mark.topic,
            'data-development-id': mark.entry.developmentId,
            tabindex: 0,
            role: 'link',
            'aria-label': markLabel(mark),
          },
          svg('circle', { cx: mark.x, cy: mark.y, r: MARK_SIZE + 5, class: 'mark-hit' }),
          markShape(mark.stance, mark.x, mark.y),
        );
        marks.set(element, mark);
        return element;
      }),
    ),
  );
}

function tooltipContent(mark: StanceMark): Node[] {
  const { entry } = mark;
  const content: Node[] = [
    html(
      'p',
      { class: 'tooltip-head' },
      html('time', { datetime: entry.occurredOn }, formatDay(entry.occurredOn)),
      ' · ',
      html('span', { dir: 'auto' }, mark.topic),
      ' ',
      stanceBadge(mark.stance),
    ),
  ];
  if (entry.quote) content.push(html('q', { class: 'quote', dir: 'auto' }, entry.quote));
  if (entry.summary) content.push(html('p', { class: 'summary', dir: 'auto' }, entry.summary));
  content.push(
    html(
      'a',
      { href: developmentHref(entry.developmentId), class: 'tooltip-link' },
      'Open the development',
    ),
  );
  return content;
}

function legend(): HTMLElement {
  return html(
    'ul',
    { class: 'chart-legend', 'aria-label': 'Legend' },
    ...STANCES.map((stance) => {
      const texture = bandTexture(stance);
      return html(
        'li',
        {},
        svg(
          'svg',
          {
            width: 46,
            height: 18,
            viewBox: '0 0 46 18',
            'aria-hidden': 'true',
            class: stanceClass(stance),
          },
          svg('rect', { x: 0, y: 3, width: 46, height: 12, class: 'band' }),
          texture &&
            svg('rect', {
              x: 0,
              y: 3,
              width: 46,
              height: 12,
              fill: texture,
              class: 'band-texture',
            }),
          svg('g', { class: 'stance-mark' }, markShape(stance, 23, 9)),
        ),
        stance,
      );
    }),
  );
}

/**
 * The stances of an actor over time: a row per topic, a mark per statement and, from each
 * statement to the next, a band in the colour and texture of its stance. Hovering or
 * focusing a mark shows its quote; clicking it (or Enter) opens the development.
 */
export function stanceChart(positions: Position[], width: number): HTMLElement | null {
  const layout = layoutStanceChart(positions, width);
  if (!layout) return null;
  const marks = new Map<Element, StanceMark>();
  const chart = svg(
    'svg',
    {
      class: 'stance-chart',
      'data-testid': 'stance-chart',
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      width: layout.width,
      height: layout.height,
      role: 'group',
      'aria-label': 'Stances over time, one row per topic',
    },
    patternDefinitions(),
    drawAxis(layout),
    ...drawRows(layout, marks),
  );
  const tooltip = html('div', {
    class: 'stance-tooltip',
    'data-testid': 'stance-tooltip',
    role: 'tooltip',
    id: 'stance-tooltip',
    hidden: true,
  });
  const scroller = html('div', { class: 'stance-chart-wrapper' }, chart);
  // The tooltip is outside the scrolling box, which would otherwise cut it off.
  const figure = html('figure', { class: 'stance-figure' }, scroller, tooltip, legend());

  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  const show = (element: Element) => {
    const mark = marks.get(element);
    if (!mark) return;
    clearTimeout(hideTimer);
    tooltip.replaceChildren(...tooltipContent(mark));
    tooltip.hidden = false;
    element.setAttribute('aria-describedby', 'stance-tooltip');
    const box = element.getBoundingClientRect();
    const frame = figure.getBoundingClientRect();
    const left = box.left - frame.left + box.width / 2;
    const maxLeft = frame.width - tooltip.offsetWidth - 4;
    tooltip.style.left = `${Math.max(4, Math.min(left - tooltip.offsetWidth / 2, maxLeft))}px`;
    tooltip.style.top = `${box.bottom - frame.top + 6}px`;
  };
  const hideSoon = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => (tooltip.hidden = true), HIDE_DELAY_MS);
  };
  const markOf = (target: EventTarget | null) =>
    target instanceof Element ? target.closest('[data-testid="stance-mark"]') : null;

  chart.addEventListener('mouseover', (event) => {
    const element = markOf(event.target);
    if (element) show(element);
  });
  chart.addEventListener('mouseout', (event) => {
    if (markOf(event.target)) hideSoon();
  });
  chart.addEventListener('focusin', (event) => {
    const element = markOf(event.target);
    if (element) show(element);
  });
  chart.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node && tooltip.contains(event.relatedTarget))) hideSoon();
  });
  const open = (element: Element | null) => {
    const mark = element && marks.get(element);
    if (mark) location.hash = developmentHref(mark.entry.developmentId);
  };
  chart.addEventListener('click', (event) => open(markOf(event.target)));
  chart.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') open(markOf(event.target));
    if (event.key === 'Escape') tooltip.hidden = true;
  });
  tooltip.addEventListener('mouseenter', () => clearTimeout(hideTimer));
  tooltip.addEventListener('mouseleave', hideSoon);

  return figure;
}
