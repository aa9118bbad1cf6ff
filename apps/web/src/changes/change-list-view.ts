import { formatDay } from '../shared/dates';
import { html } from '../shared/dom';
import { changeListItem } from './change-item';
import { changeKey, groupByDay } from './change-list';
import type { PositionChange } from './position-change';

interface DaySection {
  section: HTMLElement;
  list: HTMLOListElement;
}

/**
 * Keeps the page's list in step with the changes, a section per day: the element of a
 * change that is already shown stays where it is (and keeps focus), new ones are placed.
 */
export class ChangeListView {
  private readonly items = new Map<string, HTMLLIElement>();
  private readonly days = new Map<string, DaySection>();

  constructor(private readonly container: HTMLElement) {}

  /** Shows the changes; those whose keys are in `arrived` are highlighted as new. */
  render(changes: readonly PositionChange[], arrived: ReadonlySet<string> = new Set()): void {
    const groups = groupByDay(changes);
    const wantedDays = new Set(groups.map(({ day }) => day));
    const wantedItems = new Set(changes.map(changeKey));
    for (const [day, { section }] of this.days) {
      if (wantedDays.has(day)) continue;
      section.remove();
      this.days.delete(day);
    }
    for (const [key, element] of this.items) {
      if (wantedItems.has(key)) continue;
      element.remove();
      this.items.delete(key);
    }
    groups.forEach(({ day, changes: ofDay }, dayIndex) => {
      const { section, list } = this.daySection(day);
      place(this.container, section, dayIndex);
      ofDay.forEach((change, index) => {
        const key = changeKey(change);
        let element = this.items.get(key);
        if (!element) {
          element = changeListItem(change);
          this.items.set(key, element);
        }
        if (arrived.has(key)) element.classList.add('just-changed');
        place(list, element, index);
      });
    });
  }

  clear(): void {
    this.items.clear();
    this.days.clear();
    this.container.replaceChildren();
  }

  private daySection(day: string): DaySection {
    const existing = this.days.get(day);
    if (existing) return existing;
    const list = html('ol', { class: 'change-list' });
    const section = html(
      'section',
      { class: 'change-day', 'data-testid': 'change-day', 'data-day': day },
      html('h2', { class: 'change-day-heading' }, html('time', { datetime: day }, formatDay(day))),
      list,
    );
    const created = { section, list };
    this.days.set(day, created);
    return created;
  }
}

/** Puts `element` at `index` among the parent's children, moving it only if it is elsewhere. */
function place(parent: HTMLElement, element: HTMLElement, index: number): void {
  const atIndex = parent.children.item(index);
  if (atIndex !== element) parent.insertBefore(element, atIndex);
}
