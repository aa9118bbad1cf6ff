import type { Actor } from '@app/client';
import { isAbort } from '../api/api-error';
import { uniqueId } from '../shared/dialog';
import { html } from '../shared/dom';
import { STANCE_SYMBOL, STANCES } from '../shared/stances';
import { FieldSlots, sendingControls, valueInput } from './form-fields';
import type { SendingControls } from './form-fields';
import { emptyActorRow, emptyStatementRow } from './form-values';
import type { ActorRow, DevelopmentFormValues, RowList, StatementRow } from './form-values';
import type { Suggestions } from './suggestions';

const SUGGEST_DELAY_MS = 200;

export interface DevelopmentFormOptions {
  values: DevelopmentFormValues;
  suggestions: Suggestions;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
}

/** The API's problems are shown beside their fields; the summary of them gets focus. */
export interface DevelopmentForm extends SendingControls {
  element: HTMLFormElement;
  /** What the form holds now. */
  values(): DevelopmentFormValues;
  /** Fills the form anew, such as with an edit carried over to a newer revision. */
  setValues(values: DevelopmentFormValues): void;
  focusFirst(): void;
}

function textArea(value: string, rows: number) {
  const area = html('textarea', { rows });
  area.value = value;
  return area;
}

/**
 * The development form: every field of the API's development, with repeated rows for topics,
 * actors and statements, suggestions while typing (topics, and actors by the start of a name,
 * id or other name), and errors beside the fields. It holds values only; sending is the
 * caller's (`onSubmit`).
 */
export function createDevelopmentForm(options: DevelopmentFormOptions): DevelopmentForm {
  let values = structuredClone(options.values);
  const formId = uniqueId('development-form');
  const slots = new FieldSlots('form-errors');
  const topicOptions = html('datalist', { id: `${formId}-topics` });
  let knownTopics: string[] = [];
  const sections = html('div', { class: 'form-sections' });
  const submit = html(
    'button',
    { type: 'submit', 'data-testid': 'development-submit' },
    options.submitLabel,
  );
  const cancel = html('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const status = html('p', {
    class: 'rebuild-message',
    role: 'status',
    'data-testid': 'development-form-status',
  });
  const element = html(
    'form',
    { class: 'development-form', novalidate: true, 'data-testid': 'development-form' },
    slots.summary,
    html('p', { class: 'page-meta' }, 'Fields marked * are required.'),
    sections,
    topicOptions,
    html('div', { class: 'form-actions' }, submit, cancel),
    status,
  );
  cancel.addEventListener('click', options.onCancel);
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!submit.disabled) options.onSubmit();
  });

  const lists: Record<RowList, HTMLElement> = {
    topics: html('ul', { class: 'form-rows' }),
    actors: html('ul', { class: 'form-rows' }),
    statements: html('ol', { class: 'form-rows statement-rows' }),
  };

  function refreshTopicOptions(): void {
    const typed = [...values.topics, ...values.statements.map((statement) => statement.topic)];
    const all = [...new Set([...typed.filter((topic) => topic.trim() !== ''), ...knownTopics])];
    topicOptions.replaceChildren(...all.map((topic) => html('option', { value: topic })));
  }

  /** Draws one list of rows again; errors about it are dropped, as its numbering may change. */
  function renderList(list: RowList, focus?: { row: number }): void {
    slots.forget(`${list}[`);
    const rows =
      list === 'topics'
        ? values.topics.map((topic, index) => topicRow(topic, index))
        : list === 'actors'
          ? values.actors.map((actor, index) => actorRow(actor, index))
          : values.statements.map((statement, index) => statementRow(statement, index));
    lists[list].replaceChildren(...rows);
    slots.refresh();
    if (focus) {
      lists[list].children.item(focus.row)?.querySelector<HTMLElement>('input, textarea')?.focus();
    }
  }

  function removeButton(what: string, onRemove: () => void): HTMLButtonElement {
    const button = html(
      'button',
      { type: 'button', class: 'secondary remove-row' },
      'Remove',
      html('span', { class: 'visually-hidden' }, ` ${what}`),
    );
    button.addEventListener('click', onRemove);
    return button;
  }

  function addButton(label: string, testId: string, onAdd: () => void): HTMLButtonElement {
    const button = html(
      'button',
      { type: 'button', class: 'secondary add-row', 'data-testid': testId },
      label,
    );
    button.addEventListener('click', onAdd);
    return button;
  }

  function topicRow(topic: string, index: number): HTMLLIElement {
    const input = valueInput('text', topic, {
      list: topicOptions.id,
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'peace-plan',
    });
    input.addEventListener('input', () => {
      values.topics[index] = input.value;
      refreshTopicOptions();
    });
    return html(
      'li',
      { class: 'form-row topic-row' },
      slots.field(`topics[${index}]`, `Topic ${index + 1}`, input),
      removeButton(`topic ${index + 1}`, () => {
        values.topics.splice(index, 1);
        renderList('topics');
        addTopic.focus();
      }),
    );
  }

  /** Suggests actors whose name, id or other name starts with what is typed. */
  function suggestActors(
    input: HTMLInputElement,
    datalist: HTMLDataListElement,
    toOptions: (actors: Actor[]) => HTMLOptionElement[],
    onSuggested: (actors: Actor[]) => void,
  ): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let request: AbortController | undefined;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      request?.abort();
      const prefix = input.value.trim();
      if (prefix === '') return;
      timer = setTimeout(() => {
        request = new AbortController();
        options.suggestions
          .actors(prefix, request.signal)
          .then((actors) => {
            datalist.replaceChildren(...toOptions(actors));
            onSuggested(actors);
          })
          .catch((error: unknown) => {
            if (!isAbort(error)) datalist.replaceChildren();
          });
      }, SUGGEST_DELAY_MS);
    });
  }

  function actorRow(actor: ActorRow, index: number): HTMLLIElement {
    const hiddenLabel = `Actor ${index + 1}: `;
    const datalist = html('datalist', { id: `${formId}-actor-${index}` });
    const name = valueInput('text', actor.name, { list: datalist.id, autocomplete: 'off' });
    const id = valueInput('text', actor.id, {
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'from the name',
    });
    const affiliation = valueInput('text', actor.affiliation, {
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'ukraine',
    });
    let suggested: Actor[] = [];
    /** The id this row took from a suggestion, replaced when another one is picked. */
    let filledId = '';
    const takeSuggestion = () => {
      const match = suggested.find((candidate) => candidate.name === name.value.trim());
      if (!match || (id.value !== '' && id.value !== filledId)) return;
      id.value = filledId = match.id;
      values.actors[index]!.id = match.id;
      if (affiliation.value === '' && match.affiliation) {
        affiliation.value = values.actors[index]!.affiliation = match.affiliation;
      }
    };
    name.addEventListener('input', () => {
      values.actors[index]!.name = name.value;
      takeSuggestion();
    });
    id.addEventListener('input', () => (values.actors[index]!.id = id.value));
    affiliation.addEventListener(
      'input',
      () => (values.actors[index]!.affiliation = affiliation.value),
    );
    suggestActors(
      name,
      datalist,
      (actors) =>
        actors.map((candidate) =>
          html('option', {
            value: candidate.name,
            label: [candidate.id, candidate.affiliation].filter(Boolean).join(' · '),
          }),
        ),
      (actors) => {
        suggested = actors;
        takeSuggestion();
      },
    );
    return html(
      'li',
      { class: 'form-row actor-row' },
      slots.field(`actors[${index}].name`, 'Name', name, { hiddenLabel, required: true }),
      slots.field(`actors[${index}].id`, 'Id', id, { hiddenLabel }),
      slots.field(`actors[${index}].affiliation`, 'Affiliation', affiliation, { hiddenLabel }),
      datalist,
      removeButton(`actor ${index + 1}`, () => {
        values.actors.splice(index, 1);
        renderList('actors');
        addActor.focus();
      }),
    );
  }

  /** The form's actors as choices for a statement: by id where it is given. */
  function formActorOptions(): HTMLOptionElement[] {
    return values.actors
      .filter((actor) => actor.name.trim() !== '' || actor.id.trim() !== '')
      .map((actor) =>
        html('option', {
          value: actor.id.trim() || actor.name.trim(),
          label: actor.name.trim() || actor.id.trim(),
        }),
      );
  }

  function stancePicker(statement: StatementRow, index: number): HTMLFieldSetElement {
    const name = `${formId}-stance-${index}`;
    const radios = STANCES.map((stance) => {
      const radio = html('input', { type: 'radio', name, value: stance });
      radio.checked = statement.stance === stance;
      radio.dataset.field = `statements[${index}].stance`;
      radio.addEventListener('change', () => {
        if (radio.checked) values.statements[index]!.stance = stance;
      });
      return radio;
    });
    const picker = slots.group(
      `statements[${index}].stance`,
      `Statement ${index + 1}: stance`,
      html(
        'span',
        { class: 'field-label' },
        html('span', { class: 'visually-hidden' }, `Statement ${index + 1}: `),
        'Stance',
        html('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *'),
      ),
      () => radios.find((radio) => radio.checked) ?? radios[0] ?? null,
      html(
        'div',
        { class: 'stance-picker' },
        ...radios.map((radio, at) => {
          const stance = STANCES[at]!;
          return html(
            'label',
            { class: `stance-choice stance-${stance}` },
            radio,
            html('span', { 'aria-hidden': 'true' }, STANCE_SYMBOL[stance]),
            ` ${stance}`,
          );
        }),
      ),
    );
    picker.classList.add('stance-group');
    slots.setControls(`statements[${index}].stance`, radios);
    return picker;
  }

  function statementRow(statement: StatementRow, index: number): HTMLLIElement {
    const hiddenLabel = `Statement ${index + 1}: `;
    const actorList = html('datalist', { id: `${formId}-statement-actor-${index}` });
    const actor = valueInput('text', statement.actor, { list: actorList.id, autocomplete: 'off' });
    const topic = valueInput('text', statement.topic, {
      list: topicOptions.id,
      autocomplete: 'off',
      spellcheck: 'false',
    });
    const quote = textArea(statement.quote, 2);
    const summary = textArea(statement.summary, 2);
    let suggested: Actor[] = [];
    /** A suggested actor the form does not list yet joins its actors, with its id. */
    const adoptSuggestion = () => {
      const value = actor.value.trim();
      const match = suggested.find((candidate) => candidate.id === value);
      const listed = values.actors.some(
        (row) => row.id.trim() === value || row.name.trim() === match?.name,
      );
      if (!match || listed) return;
      const emptyRow = values.actors.findIndex(
        (row) => row.name.trim() === '' && row.id.trim() === '',
      );
      const row = { name: match.name, id: match.id, affiliation: match.affiliation ?? '' };
      if (emptyRow === -1) values.actors.push(row);
      else values.actors[emptyRow] = row;
      renderList('actors');
    };
    actor.addEventListener('focus', () => actorList.replaceChildren(...formActorOptions()));
    actor.addEventListener('input', () => {
      values.statements[index]!.actor = actor.value;
      adoptSuggestion();
    });
    actor.addEventListener('change', adoptSuggestion);
    suggestActors(
      actor,
      actorList,
      (actors) => [
        ...formActorOptions(),
        ...actors.map((candidate) =>
          html('option', { value: candidate.id, label: candidate.name }),
        ),
      ],
      (actors) => (suggested = actors),
    );
    topic.addEventListener('input', () => {
      values.statements[index]!.topic = topic.value;
      refreshTopicOptions();
    });
    quote.addEventListener('input', () => (values.statements[index]!.quote = quote.value));
    summary.addEventListener('input', () => (values.statements[index]!.summary = summary.value));
    const row = slots.group(
      `statements[${index}]`,
      `Statement ${index + 1}`,
      `Statement ${index + 1}`,
      () => actor,
      html(
        'div',
        { class: 'form-line' },
        slots.field(`statements[${index}].actor`, 'Actor', actor, {
          hiddenLabel,
          required: true,
          hint: 'An actor above, by id or name; or a new name.',
        }),
        slots.field(`statements[${index}].topic`, 'Topic', topic, { hiddenLabel, required: true }),
        actorList,
      ),
      stancePicker(statement, index),
      html(
        'div',
        { class: 'form-line' },
        slots.field(`statements[${index}].quote`, 'Quote', quote, {
          hiddenLabel,
          className: 'field-grow',
        }),
        slots.field(`statements[${index}].summary`, 'Summary', summary, {
          hiddenLabel,
          className: 'field-grow',
        }),
      ),
      removeButton(`statement ${index + 1}`, () => {
        values.statements.splice(index, 1);
        renderList('statements');
        addStatement.focus();
      }),
    );
    row.classList.add('statement-row');
    return html('li', {}, row);
  }

  const addTopic = addButton('Add topic', 'add-topic', () => {
    values.topics.push('');
    renderList('topics', { row: values.topics.length - 1 });
  });
  const addActor = addButton('Add actor', 'add-actor', () => {
    values.actors.push(emptyActorRow());
    renderList('actors', { row: values.actors.length - 1 });
  });
  const addStatement = addButton('Add statement', 'add-statement', () => {
    values.statements.push(emptyStatementRow());
    renderList('statements', { row: values.statements.length - 1 });
  });

  let firstControl: HTMLElement | undefined;

  function renderAll(): void {
    slots.forget('');
    const on = valueInput('date', values.occurredOn, { min: '1900-01-01', max: '2100-12-31' });
    const until = valueInput('date', values.occurredUntil, {
      min: '1900-01-01',
      max: '2100-12-31',
    });
    const title = valueInput('text', values.title);
    const body = textArea(values.body, 5);
    const location = valueInput('text', values.location);
    const sourceName = valueInput('text', values.source.name, { placeholder: 'Die Zeit' });
    const sourceUrl = valueInput('url', values.source.url, { placeholder: 'https://' });
    const publishedAt = valueInput('datetime-local', values.source.publishedAt, { step: '1' });
    firstControl = on;
    const bind = (control: HTMLInputElement | HTMLTextAreaElement, set: (v: string) => void) =>
      control.addEventListener('input', () => set(control.value));
    bind(on, (value) => (values.occurredOn = value));
    bind(until, (value) => (values.occurredUntil = value));
    bind(title, (value) => (values.title = value));
    bind(body, (value) => (values.body = value));
    bind(location, (value) => (values.location = value));
    bind(sourceName, (value) => (values.source.name = value));
    bind(sourceUrl, (value) => (values.source.url = value));
    bind(publishedAt, (value) => (values.source.publishedAt = value));
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    sections.replaceChildren(
      html(
        'div',
        { class: 'form-line' },
        slots.field('occurredOn', 'Date', on, { required: true, hint: 'The day it happened.' }),
        slots.field('occurredUntil', 'Until', until, {
          hint: 'The last day, for a period; empty for one day.',
        }),
      ),
      slots.field('title', 'Title', title, { required: true, className: 'field-full' }),
      slots.field('body', 'Text', body, { className: 'field-full' }),
      slots.field('location', 'Location', location, { className: 'field-full' }),
      slots.group(
        'topics',
        'Topics',
        'Topics',
        () => lists.topics.querySelector('input'),
        lists.topics,
        addTopic,
      ),
      slots.group(
        'actors',
        'Actors',
        'Actors',
        () => lists.actors.querySelector('input'),
        lists.actors,
        addActor,
      ),
      slots.group(
        'statements',
        'Statements',
        'Statements',
        () => lists.statements.querySelector('input') ?? addStatement,
        lists.statements,
        addStatement,
      ),
      slots.group(
        'source',
        'Source',
        'Source',
        () => sourceName,
        html(
          'div',
          { class: 'form-line' },
          slots.field('source.name', 'Name', sourceName, { hiddenLabel: 'Source: ' }),
          slots.field('source.url', 'Address', sourceUrl, {
            hiddenLabel: 'Source: ',
            className: 'field-grow',
          }),
          slots.field('source.publishedAt', 'Published', publishedAt, {
            hiddenLabel: 'Source: ',
            hint: `Your time zone (${zone}).`,
          }),
        ),
      ),
    );
    renderList('topics');
    renderList('actors');
    renderList('statements');
  }

  renderAll();
  void options.suggestions
    .topics()
    .then((topics) => {
      knownTopics = topics;
      refreshTopicOptions();
    })
    .catch(() => refreshTopicOptions());

  return {
    element,
    values: () => structuredClone(values),
    setValues(next) {
      values = structuredClone(next);
      slots.clear();
      renderAll();
    },
    ...sendingControls(element, submit, status, slots),
    focusFirst: () => firstControl?.focus(),
  };
}
