import type { Development } from '@app/client';
import { developmentListItem } from './development-item';

/**
 * Keeps a list element in step with developments by id: an item whose state did not change
 * keeps its element (and what the reader did with it, such as an expanded body).
 */
export class KeyedDevelopmentList {
  private readonly rendered = new Map<string, { element: HTMLLIElement; lastSequence: number }>();

  /** `actions` gives the write controls of a development, if the reader may write. */
  constructor(
    private readonly list: HTMLElement,
    private readonly actions: (development: Development) => HTMLElement | null = () => null,
  ) {}

  render(items: readonly Development[], options: { highlightChanges: boolean }): void {
    const wanted = new Set(items.map((item) => item.developmentId));
    for (const [id, { element }] of this.rendered) {
      if (!wanted.has(id)) {
        element.remove();
        this.rendered.delete(id);
      }
    }
    items.forEach((development, index) => {
      const element = this.elementFor(development, options.highlightChanges);
      const atIndex = this.list.children.item(index);
      if (atIndex !== element) this.list.insertBefore(element, atIndex);
    });
  }

  clear(): void {
    this.rendered.clear();
    this.list.replaceChildren();
  }

  private elementFor(development: Development, highlight: boolean): HTMLLIElement {
    const id = development.developmentId;
    const existing = this.rendered.get(id);
    if (existing && existing.lastSequence === development.lastSequence) return existing.element;
    const element = developmentListItem(development, this.actions(development));
    if (highlight) element.classList.add('just-changed');
    existing?.element.replaceWith(element);
    this.rendered.set(id, { element, lastSequence: development.lastSequence });
    return element;
  }
}
