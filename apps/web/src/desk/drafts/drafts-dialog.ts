import { showStatus } from '../form-fields';
import type { StatusTone } from '../form-fields';
import type { Drafts, SuggestedStatement } from '@app/client';
import { openSignInDialog } from '../../auth/account';
import { openDialog, uniqueId } from '../../shared/dialog';
import { html, userText } from '../../shared/dom';
import type { DeskContext } from '../desk-context';
import { newIdempotencyKey } from '../idempotency-key';
import { createArticleForm } from './article-form';
import { articleFieldOf, articleProblems, draftRequest, localDay } from './article-request';
import type { ArticleFields } from './article-request';
import { articleView } from './article-view';
import type { ArticleView } from './article-view';
import { draftCard } from './draft-card';
import { openDraftEditor } from './draft-editor';
import {
  addSuggestedStatement,
  draftItems,
  isRecorded,
  postSummary,
  readyToPost,
} from './draft-work';
import type { DraftItem } from './draft-work';
import { postDrafts } from './post-run';

/** The open dialog's parts that change as drafts are edited and posted. */
interface DraftsView {
  refreshCard(index: number): void;
  refreshPostBar(): void;
  sayPosted(message: string, tone?: 'ok' | 'refused'): void;
  editDraft(index: number): void;
}

/**
 * The article and its drafts, kept for as long as the page is open: closing the dialog and
 * opening it again finds them, with each draft's Idempotency-Key, confirmation and result.
 */
interface DraftsWork {
  fields: ArticleFields;
  answer?: Drafts;
  items: DraftItem[];
  selected: number;
  posting: boolean;
  view?: DraftsView;
}

let work: DraftsWork | undefined;

const EXCERPT_CHARACTERS = 160;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_CHARACTERS ? flat : `${flat.slice(0, EXCERPT_CHARACTERS - 1)}…`;
}

/**
 * "New from an article": paste an article (text or HTML) with the day it was published; the
 * projector drafts its dated events (POST /v1/drafts, which writes nothing). The drafts show
 * beside the text with their evidence highlighted; the person adds suggested statements, edits
 * a draft in the development form, confirms drafts, and posts the confirmed ones, each with an
 * Idempotency-Key of its own, so that posting again records nothing new.
 */
export function openDraftsDialog(context: DeskContext): void {
  const state: DraftsWork = (work ??= {
    fields: {
      article: '',
      format: 'detect',
      publishedOn: localDay(new Date()),
      sourceName: '',
      sourceUrl: '',
    },
    items: [],
    selected: 0,
    posting: false,
  });
  const open = openDialog({
    title: 'New from an article',
    testId: 'drafts-dialog',
    wide: true,
    onClose: () => (state.view = undefined),
  });
  open.dialog.classList.add('drafts-dialog');

  const form = createArticleForm(
    state.fields,
    (fields) => (state.fields = fields),
    () => void draft(),
  );
  const articleSection = html(
    'details',
    { class: 'article-input', open: state.answer === undefined },
    html('summary', {}, 'The article'),
    form.element,
  );
  const results = html('section', { class: 'drafts-result', 'data-testid': 'drafts-result' });
  open.body.append(articleSection, results);

  let articleText: ArticleView | undefined;
  const cards = html('ol', { class: 'draft-cards', 'data-testid': 'draft-cards' });
  const postButton = html(
    'button',
    { type: 'button', 'data-testid': 'post-confirmed' },
    'Post all confirmed',
  );
  const postCount = html('span', { class: 'post-count', 'data-testid': 'confirmed-count' });
  const postStatus = html('p', {
    class: 'rebuild-message',
    role: 'status',
    'data-testid': 'post-status',
  });
  postButton.addEventListener('click', () => void postConfirmed());

  function select(index: number): void {
    if (state.selected === index && cards.querySelector('.draft-card.selected')) return;
    state.selected = index;
    cards.querySelectorAll<HTMLElement>('.draft-card').forEach((card) => {
      const mine = Number(card.dataset.draft) === index;
      card.classList.toggle('selected', mine);
      if (mine) card.setAttribute('aria-current', 'true');
      else card.removeAttribute('aria-current');
    });
    articleText?.select(index);
  }

  function cardOf(index: number): HTMLElement {
    const item = state.items[index]!;
    return draftCard(item, index, index === state.selected, {
      select: () => select(index),
      edit: () => editDraft(index),
      addSuggestion: (suggestion) => addSuggestion(index, suggestion),
      confirm: (confirmed) => {
        item.confirmed = confirmed;
        cards.children.item(index)?.firstElementChild?.classList.toggle('confirmed', confirmed);
        refreshPostBar();
      },
    });
  }

  /** Draws a card again, keeping focus on the same control if it is still there. */
  function refreshCard(index: number): void {
    const slot = cards.children.item(index);
    const old = slot?.firstElementChild;
    if (!slot || !old) return;
    const focused = document.activeElement;
    const hadFocus = focused instanceof HTMLElement && old.contains(focused);
    const key = hadFocus
      ? `[data-testid="${focused.dataset.testid ?? ''}"]${focused.dataset.suggestion ? `[data-suggestion="${focused.dataset.suggestion}"]` : ''}`
      : '';
    const fresh = cardOf(index);
    slot.replaceChildren(fresh);
    if (!hadFocus) return;
    const again =
      (focused.dataset.testid && fresh.querySelector<HTMLElement>(key)) ||
      fresh.querySelector<HTMLElement>('[data-testid="add-suggestion"]') ||
      fresh.querySelector<HTMLElement>('[data-testid="edit-draft"]') ||
      fresh.querySelector<HTMLElement>('[data-testid="confirm-draft"]');
    again?.focus();
  }

  function refreshPostBar(): void {
    const ready = readyToPost(state.items).length;
    postCount.textContent = ready === 1 ? '1 draft confirmed' : `${ready} drafts confirmed`;
    postButton.disabled = state.posting;
    form.setBusy(state.posting);
  }

  function addSuggestion(index: number, suggestion: SuggestedStatement): void {
    const item = state.items[index]!;
    if (!suggestion.stance) {
      editDraft(index, suggestion);
      return;
    }
    item.development = addSuggestedStatement(item.development, suggestion);
    refreshCard(index);
    sayPosted(`Statement added to draft ${index + 1}.`);
  }

  function editDraft(index: number, adding?: SuggestedStatement): void {
    const item = state.items[index]!;
    if (isRecorded(item)) return;
    const problems = !adding && item.result?.kind === 'invalid' ? item.result.details : [];
    openDraftEditor(context, {
      development: item.development,
      number: index + 1,
      ...(adding && { adding }),
      problems,
      onSave: (development) => {
        item.development = development;
        if (item.result?.kind === 'invalid') delete item.result;
        // The dialog is drawn anew if it was closed meanwhile.
        state.view?.refreshCard(index);
        state.view?.sayPosted(`Draft ${index + 1} saved.`);
      },
    });
  }

  function renderResults(focus: boolean): void {
    const answer = state.answer;
    if (!answer) {
      results.hidden = true;
      return;
    }
    results.hidden = false;
    state.selected = Math.min(state.selected, Math.max(0, answer.drafts.length - 1));
    articleText = articleView(answer, (index) => {
      select(index);
      cards.children.item(index)?.scrollIntoView({ block: 'nearest' });
    });
    cards.replaceChildren(...state.items.map((_, index) => html('li', {}, cardOf(index))));
    const headingId = uniqueId('drafts-heading');
    const heading = html(
      'h3',
      { id: headingId, tabindex: -1, 'data-testid': 'drafts-heading' },
      answer.drafts.length === 1 ? '1 draft' : `${answer.drafts.length} drafts`,
      answer.unplaced.length > 0 &&
        `, ${answer.unplaced.length} ${answer.unplaced.length === 1 ? 'passage' : 'passages'} not drafted`,
    );
    results.setAttribute('aria-labelledby', headingId);
    results.replaceChildren(
      heading,
      html(
        'p',
        { class: 'page-meta' },
        'Nothing is recorded until you confirm drafts and post them. Each draft has a key of its own: posting it again records nothing new.',
      ),
      html(
        'div',
        { class: 'drafts-columns' },
        articleText.element,
        html(
          'div',
          { class: 'drafts-column' },
          html('div', { class: 'post-bar' }, postButton, postCount, postStatus),
          answer.drafts.length === 0
            ? html('p', { class: 'notice' }, 'No dated event was found in the article.')
            : cards,
          unplacedList(answer),
        ),
      ),
    );
    refreshPostBar();
    articleText.select(state.selected);
    if (focus) heading.focus();
  }

  async function draft(): Promise<void> {
    const fields = form.fields();
    form.clearErrors();
    const problems = articleProblems(fields);
    if (problems.length > 0) {
      form.showErrors(problems, 'Not drafted yet:');
      return;
    }
    form.setBusy(true);
    form.setStatus('Drafting…');
    let answer: Awaited<ReturnType<typeof requestDrafts>>;
    try {
      answer = await requestDrafts(context, fields);
    } catch {
      form.setStatus('The projector cannot be reached; is it running?', 'refused');
      return;
    } finally {
      form.setBusy(state.posting);
    }
    if (answer.drafts) {
      state.answer = answer.drafts;
      state.items = draftItems(answer.drafts.drafts, state.items, newIdempotencyKey);
      state.selected = 0;
      form.setStatus('');
      sayPosted('');
      articleSection.open = false;
      renderResults(true);
      return;
    }
    const problem = answer.problem;
    form.setStatus(problem.message, 'refused');
    if (problem.fields.length > 0) form.showErrors(problem.fields, 'Not drafted. Fix these:');
    if (problem.signIn) openSignInDialog(context.api, context.session, problem.message);
  }

  async function postConfirmed(): Promise<void> {
    if (state.posting) return;
    const items = state.items;
    const indexes = readyToPost(items);
    if (indexes.length === 0) {
      sayPosted(postSummary([]), 'refused');
      return;
    }
    state.posting = true;
    state.view?.refreshPostBar();
    state.view?.sayPosted(
      indexes.length === 1 ? 'Posting 1 draft…' : `Posting ${indexes.length} drafts…`,
    );
    const outcome = await postDrafts({
      indexes,
      send: (index) =>
        context.ingest.record(items[index]!.development, items[index]!.idempotencyKey),
      onStart: (index) => {
        items[index]!.posting = true;
        state.view?.refreshCard(index);
      },
      onResult: (index, result) => {
        items[index]!.posting = false;
        items[index]!.result = result;
        state.view?.refreshCard(index);
      },
    });
    state.posting = false;
    const kinds = outcome.results.map(({ result }) => result);
    const unsent =
      outcome.unsent.length > 0
        ? ` ${outcome.unsent.length} not sent: sign in, then post again.`
        : '';
    const message = `${postSummary(kinds)}${unsent}`;
    const allRecorded = kinds.every(
      (result) => result.kind === 'recorded' || result.kind === 'duplicate',
    );
    if (state.view) {
      state.view.refreshPostBar();
      state.view.sayPosted(message, allRecorded ? 'ok' : 'refused');
    } else {
      context.announce(`Drafts: ${message}`, allRecorded ? 'ok' : 'refused');
    }
    const refusal = kinds.find((result) => result.kind === 'unauthorized');
    const invalid = outcome.results.find(({ result }) => result.kind === 'invalid');
    if (refusal) openSignInDialog(context.api, context.session, refusal.message);
    else if (invalid && state.view) state.view.editDraft(invalid.index);
  }

  function sayPosted(message: string, tone?: StatusTone): void {
    showStatus(postStatus, message, tone);
  }

  state.view = { refreshCard, refreshPostBar, sayPosted, editDraft };
  renderResults(false);
  if (state.answer) {
    results.querySelector<HTMLElement>('[data-testid="drafts-heading"]')?.focus();
  } else {
    form.focusFirst();
  }
}

function unplacedList(answer: Drafts): HTMLElement | null {
  if (answer.unplaced.length === 0) return null;
  const headingId = uniqueId('unplaced-heading');
  return html(
    'section',
    { class: 'unplaced-list', 'aria-labelledby': headingId, 'data-testid': 'unplaced' },
    html('h4', { id: headingId }, 'Not drafted'),
    html(
      'ul',
      {},
      ...answer.unplaced.map((passage) =>
        html(
          'li',
          { 'data-testid': 'unplaced-passage' },
          userText('q', excerpt(passage.text), { class: 'unplaced' }),
          html('span', { class: 'unplaced-reason' }, ` ${passage.reason}`),
        ),
      ),
    ),
  );
}

interface DraftProblem {
  message: string;
  fields: { field: string; message: string }[];
  signIn: boolean;
}

/** POST /v1/drafts with the signed-in token; throws only when no answer came. */
async function requestDrafts(
  context: DeskContext,
  fields: ArticleFields,
): Promise<
  { drafts: Drafts; problem?: undefined } | { drafts?: undefined; problem: DraftProblem }
> {
  const { data, error, response } = await context.api.POST('/v1/drafts', {
    body: draftRequest(fields),
  });
  if (response.ok && data) return { drafts: data };
  return { problem: draftProblem(response.status, error) };
}

function draftProblem(status: number, body: unknown): DraftProblem {
  const answer = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const said = typeof answer.message === 'string' ? answer.message : undefined;
  switch (status) {
    case 400: {
      const details = Array.isArray(answer.details)
        ? (answer.details as { path: string; message: string }[])
        : [];
      return {
        message: said ?? 'Some fields need attention.',
        fields: details.map((detail) => ({
          field: articleFieldOf(detail.path),
          message: detail.message,
        })),
        signIn: false,
      };
    }
    case 401:
    case 403: {
      const message =
        status === 401
          ? `Not signed in, or the sign-in has expired${said ? ` (${said})` : ''}: sign in and draft again.`
          : 'Your role may not draft: sign in as an editor.';
      return { message, fields: [], signIn: true };
    }
    case 413:
      return {
        message: 'Too long to draft.',
        fields: [{ field: 'article', message: 'The article is too long: at most 200 KB.' }],
        signIn: false,
      };
    default:
      return {
        message: `Not drafted (${status}${said ? `: ${said}` : ''}).`,
        fields: [],
        signIn: false,
      };
  }
}
