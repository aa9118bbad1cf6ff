import { uniqueId } from '../../shared/dialog';
import { html } from '../../shared/dom';
import { FieldSlots, sendingControls, valueInput } from '../form-fields';
import type { SendingControls } from '../form-fields';
import { isHtml, looksLikeHtml } from './article-request';
import type { ArticleFields, ArticleFormat } from './article-request';

export interface ArticleForm extends SendingControls {
  element: HTMLFormElement;
  fields(): ArticleFields;
  focusFirst(): void;
}

const FORMATS: { value: ArticleFormat; label: string }[] = [
  { value: 'detect', label: 'Detect' },
  { value: 'text', label: 'Text' },
  { value: 'html', label: 'HTML' },
];

/**
 * The article to draft from: its text or HTML, the day it was published (dates in it are read
 * against that day), and where it comes from. Sending is the caller's (`onSubmit`).
 */
export function createArticleForm(
  initial: ArticleFields,
  onChange: (fields: ArticleFields) => void,
  onSubmit: () => void,
): ArticleForm {
  const fields = structuredClone(initial);
  const slots = new FieldSlots('article-errors');
  const article = html('textarea', {
    rows: 9,
    spellcheck: 'false',
    dir: 'auto',
    'data-testid': 'article-input',
  });
  article.value = fields.article;
  const publishedOn = valueInput('date', fields.publishedOn, {
    min: '1900-01-01',
    max: '2100-12-31',
    'data-testid': 'article-published-on',
  });
  const sourceName = valueInput('text', fields.sourceName, { autocomplete: 'off' });
  const sourceUrl = valueInput('url', fields.sourceUrl, { placeholder: 'https://' });
  const readAs = html('p', { class: 'field-hint', 'data-testid': 'article-read-as' });
  const formatName = uniqueId('article-format');
  const formats = FORMATS.map(({ value, label }) => {
    const radio = html('input', { type: 'radio', name: formatName, value });
    radio.checked = fields.format === value;
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      fields.format = value;
      changed();
    });
    return html('label', { class: 'stance-choice' }, radio, ` ${label}`);
  });
  const submit = html('button', { type: 'submit', 'data-testid': 'draft-submit' }, 'Draft');
  const status = html('p', {
    class: 'rebuild-message',
    role: 'status',
    'data-testid': 'article-status',
  });

  function describeFormat(): void {
    const asHtml = isHtml(fields);
    readAs.textContent =
      fields.article.trim() === ''
        ? ''
        : fields.format === 'detect'
          ? `It starts ${looksLikeHtml(fields.article) ? 'with a tag: read as HTML (the article is taken out of the page)' : 'with no tag: read as text'}.`
          : `Read as ${asHtml ? 'HTML' : 'text'}.`;
  }
  function changed(): void {
    describeFormat();
    onChange(structuredClone(fields));
  }
  const bind = (control: HTMLInputElement | HTMLTextAreaElement, set: (v: string) => void) =>
    control.addEventListener('input', () => {
      set(control.value);
      changed();
    });
  bind(article, (value) => (fields.article = value));
  bind(publishedOn, (value) => (fields.publishedOn = value));
  bind(sourceName, (value) => (fields.sourceName = value));
  bind(sourceUrl, (value) => (fields.sourceUrl = value));
  describeFormat();

  const formatGroup = slots.group(
    'format',
    'Read it as',
    'Read it as',
    () => formats[0]?.querySelector('input') ?? null,
    html('div', { class: 'stance-picker' }, ...formats),
    readAs,
  );
  formatGroup.classList.add('stance-group');
  const element = html(
    'form',
    { class: 'development-form article-form', novalidate: true, 'data-testid': 'article-form' },
    slots.summary,
    slots.field('article', 'Article', article, {
      required: true,
      className: 'field-full',
      hint: 'Paste the article’s text, or the HTML of its page (its script, style and navigation are left out). Up to 200 KB.',
    }),
    formatGroup,
    html(
      'div',
      { class: 'form-line' },
      slots.field('publishedOn', 'Published', publishedOn, {
        required: true,
        hint: 'The day of the article: its dates (“on Monday”, “December 2”) are read against it.',
      }),
      slots.group(
        'source',
        'Source',
        'Source (optional)',
        () => sourceName,
        html(
          'div',
          { class: 'form-line' },
          slots.field('source.name', 'Name', sourceName, { hiddenLabel: 'Source: ' }),
          slots.field('source.url', 'Address', sourceUrl, {
            hiddenLabel: 'Source: ',
            className: 'field-grow',
          }),
        ),
      ),
    ),
    html(
      'p',
      { class: 'page-meta' },
      'Drafting writes nothing: the drafts are only proposals until you confirm and post them.',
    ),
    html('div', { class: 'form-actions' }, submit),
    status,
  );
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!submit.disabled) onSubmit();
  });

  return {
    element,
    fields: () => structuredClone(fields),
    ...sendingControls(element, submit, status, slots),
    focusFirst: () => article.focus(),
  };
}
