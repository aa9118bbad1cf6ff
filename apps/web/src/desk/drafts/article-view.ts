import { html, userText } from '../../shared/dom';
import { highlightSegments } from './highlight';
import type { Drafts } from '@app/client';

export interface ArticleView {
  element: HTMLElement;
  /** Highlights the evidence of one draft more strongly, and scrolls to its first part. */
  select(draft: number): void;
}

/**
 * The drafted text (the answer's `text`, which the evidence offsets point into), with each
 * draft's evidence in <mark> and the passages no draft was made of dimmed. Built from text
 * nodes only: the article is never parsed as HTML. Clicking a highlight selects its draft.
 */
export function articleView(answer: Drafts, onPick: (draft: number) => void): ArticleView {
  const segments = highlightSegments(
    answer.text,
    answer.drafts.map((draft) => draft.evidence),
    answer.unplaced,
  );
  const marks: HTMLElement[] = [];
  const pieces = segments.map((segment) => {
    if (segment.drafts.length > 0) {
      const mark = html(
        'mark',
        { class: 'evidence', 'data-drafts': segment.drafts.join(' ') },
        segment.text,
      );
      marks.push(mark);
      return mark;
    }
    if (segment.unplaced.length > 0) {
      const reasons = segment.unplaced.map((index) => answer.unplaced[index]?.reason ?? '');
      return html(
        'span',
        { class: 'unplaced', title: `Not drafted: ${reasons.join('; ')}` },
        segment.text,
      );
    }
    return document.createTextNode(segment.text);
  });
  const text = userText('div', '', {
    class: 'article-text',
    tabindex: 0,
    role: 'region',
    'aria-label': 'The article, with the drafts’ evidence highlighted',
    'data-testid': 'article-text',
  });
  text.replaceChildren(...pieces);
  text.addEventListener('click', (event) => {
    const mark = event.target instanceof Element ? event.target.closest('mark') : null;
    const first = mark?.getAttribute('data-drafts')?.split(' ')[0];
    if (first !== undefined) onPick(Number(first));
  });
  const draftsOf = (mark: HTMLElement) => (mark.dataset.drafts ?? '').split(' ').map(Number);
  return {
    element: html(
      'div',
      { class: 'article-column' },
      text,
      html(
        'p',
        { class: 'article-key field-hint', 'aria-hidden': 'true' },
        html('mark', { class: 'evidence' }, 'why a draft says so'),
        ' ',
        html('mark', { class: 'evidence selected' }, 'the selected draft'),
        ' ',
        html('span', { class: 'unplaced' }, 'not drafted'),
      ),
    ),
    select(draft) {
      let first: HTMLElement | undefined;
      for (const mark of marks) {
        const mine = draftsOf(mark).includes(draft);
        mark.classList.toggle('selected', mine);
        if (mine) first ??= mark;
      }
      if (first) {
        // Scrolls the text only, not the dialog around it.
        const top = first.offsetTop - text.clientHeight / 3;
        text.scrollTo({ top: Math.max(0, top) });
      }
    },
  };
}
