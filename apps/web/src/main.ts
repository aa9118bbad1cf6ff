import { createApiClient, projectorData } from './api/api-client';
import { createIngestClient } from './api/ingest-client';
import { renderActorPage } from './actor/actor-page';
import { bindAccount } from './auth/account';
import { Session } from './auth/session';
import { signInProblem } from './auth/session-text';
import { signInForm } from './auth/sign-in-form';
import { renderChangesPage } from './changes/changes-page';
import { Desk } from './desk/desk';
import { Suggestions } from './desk/suggestions';
import { renderDevelopmentPage } from './development/development-page';
import { LiveIndicator } from './live/live-indicator';
import { LiveFeed } from './live/live-feed';
import type { PageContext } from './pages/page';
import { parseRoute } from './routing/routes';
import type { Route } from './routing/routes';
import { bindAnnouncer } from './shared/announce';
import { html } from './shared/dom';
import { setTitle } from './shared/ui';
import { renderStatusPage } from './status/status-page';
import { renderTimelinePage } from './timeline/timeline-page';
import { renderTopicPage } from './topics/topic-page';
import { renderTopicsPage } from './topics/topics-page';

const NAV_OF_PAGE: Partial<Record<Route['page'], string>> = {
  timeline: 'nav-timeline',
  topics: 'nav-topics',
  topic: 'nav-topics',
  changes: 'nav-changes',
  status: 'nav-status',
};

function required<T extends HTMLElement>(selector: string): T {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`index.html has no ${selector}`);
  return element;
}

function renderRoute(route: Route, container: HTMLElement, context: PageContext): void {
  switch (route.page) {
    case 'timeline':
      return renderTimelinePage(container, context, route.filters, route.knownAt);
    case 'actor':
      return renderActorPage(container, context, route.actorId, route.knownAt);
    case 'topics':
      return renderTopicsPage(container, context);
    case 'topic':
      return renderTopicPage(container, context, route.topic, route.knownAt);
    case 'changes':
      return renderChangesPage(container, context, route.filters);
    case 'development':
      return renderDevelopmentPage(container, context, route.developmentId);
    case 'status':
      return renderStatusPage(container, context);
    case 'not-found':
      setTitle('Not found');
      container.replaceChildren(
        html('h1', {}, 'No such page'),
        html('p', { class: 'notice' }, html('a', { href: '#/' }, 'Back to the timeline')),
      );
  }
}

function markCurrentNavigation(route: Route): void {
  const current = NAV_OF_PAGE[route.page];
  document.querySelectorAll<HTMLAnchorElement>('[data-testid^="nav-"]').forEach((link) => {
    if (link.dataset.testid === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
}

async function start(): Promise<void> {
  const container = required<HTMLElement>('#page');
  const deskSlot = required<HTMLElement>('[data-testid="desk-slot"]');
  const session = new Session();
  const feed = new LiveFeed(() => session.currentToken() !== undefined);
  const liveIndicator = new LiveIndicator(
    required<HTMLElement>('[data-testid="live-status"]'),
    feed,
  );
  const announce = bindAnnouncer(required<HTMLElement>('[data-testid="desk-status"]'));

  let leavePage = new AbortController();
  let askingToSignIn = false;
  const api = createApiClient(
    () => session.currentToken(),
    (answer) => {
      // A token that reads no longer take (expired, revoked) is dropped, and the page drawn
      // again without it; without one, reads need a sign-in.
      if (!session.currentToken()) return askToSignIn();
      void answer
        .json()
        .then((body: unknown) => signInProblem(answer.status, body))
        .catch(() => null)
        .then((reason) => session.expire(api, reason ?? 'the server refused the token.'));
    },
  );
  const ingest = createIngestClient(() => session.currentToken());
  const desk = new Desk({ api, ingest, session, suggestions: new Suggestions(api), announce });

  function askToSignIn(): void {
    if (askingToSignIn) return;
    askingToSignIn = true;
    leavePage.abort();
    setTitle('Sign in');
    const lapse = session.lapseReason();
    const form = signInForm({
      api,
      session,
      intro: lapse
        ? `You were signed out: ${lapse}`
        : 'This server answers signed-in readers only.',
      // Signing in changes the session, which draws the page again.
      onSignedIn: () => undefined,
    });
    container.replaceChildren(
      html(
        'section',
        { class: 'token-form', 'data-testid': 'sign-in-page' },
        html('h1', {}, 'Sign in to read'),
        form.element,
      ),
    );
    form.focus();
  }

  function show(): void {
    askingToSignIn = false;
    leavePage.abort();
    leavePage = new AbortController();
    const route = parseRoute(location.hash);
    markCurrentNavigation(route);
    deskSlot.replaceChildren(...desk.headerControls());
    container.replaceChildren();
    renderRoute(route, container, {
      api,
      ingest,
      session,
      desk,
      feed,
      liveIndicator,
      signal: leavePage.signal,
    });
    if (route.page !== 'timeline') window.scrollTo(0, 0);
  }

  await session.load(api).catch(() => undefined);
  bindAccount(required<HTMLElement>('[data-testid="account"]'), api, session, announce);
  session.onChange(show);
  window.addEventListener('hashchange', show);
  // The stream resumes after what the timeline projection has applied when the page opens,
  // so nothing recorded between the first page of the timeline and the stream is missed.
  const after = await projectorData(api.GET('/v1/projections'))
    .then(
      (projections) => projections.find((projection) => projection.name === 'timeline')?.position,
    )
    .catch(() => undefined);
  feed.start(after);
  show();
}

void start();
