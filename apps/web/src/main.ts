import { createApiClient, projectorData } from './api/api-client';
import { createIngestClient } from './api/ingest-client';
import { ingestUrlOfPage } from './api/ingest-url';
import { renderActorPage } from './actor/actor-page';
import { readTokenForm } from './auth/read-token-form';
import { renderDevelopmentPage } from './development/development-page';
import { bindLiveIndicator } from './live/live-indicator';
import { LiveFeed } from './live/live-feed';
import type { PageContext } from './pages/page';
import { parseRoute } from './routing/routes';
import type { Route } from './routing/routes';
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
      return renderTimelinePage(container, context, route.filters);
    case 'actor':
      return renderActorPage(container, context, route.actorId);
    case 'topics':
      return renderTopicsPage(container, context);
    case 'topic':
      return renderTopicPage(container, context, route.topic);
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

function start(): void {
  const container = required<HTMLElement>('#page');
  const feed = new LiveFeed();
  bindLiveIndicator(required<HTMLElement>('[data-testid="live-status"]'), feed);

  const ingest = createIngestClient(ingestUrlOfPage());
  let leavePage = new AbortController();
  let askingForToken = false;
  const api = createApiClient(() => {
    if (askingForToken) return;
    askingForToken = true;
    leavePage.abort();
    container.replaceChildren(
      readTokenForm(() => {
        feed.reconnect();
        show();
      }),
    );
  });

  function show(): void {
    askingForToken = false;
    leavePage.abort();
    leavePage = new AbortController();
    const route = parseRoute(location.hash);
    markCurrentNavigation(route);
    container.replaceChildren();
    renderRoute(route, container, { api, ingest, feed, signal: leavePage.signal });
    if (route.page !== 'timeline') window.scrollTo(0, 0);
  }

  window.addEventListener('hashchange', show);
  // The stream resumes after what the timeline projection has applied when the page opens,
  // so nothing recorded between the first page of the timeline and the stream is missed.
  void projectorData(api.GET('/v1/projections'))
    .then(
      (projections) => projections.find((projection) => projection.name === 'timeline')?.position,
    )
    .catch(() => undefined)
    .then((after) => {
      feed.start(after);
      show();
    });
}

start();
