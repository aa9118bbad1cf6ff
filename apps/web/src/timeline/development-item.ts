import type { Development } from '@app/client';
import { developmentHref } from '../routing/routes';
import { formatDayRange, formatMoment } from '../shared/dates';
import { html, userText } from '../shared/dom';
import { actorLink, stanceBadge, topicLink } from '../shared/ui';
import { actorNameIn, isLongBody, safeLinkTarget, sourceLabel } from './development-text';

/**
 * One development as an article: every field inserted as text, never as markup. `actions`
 * (the desk's Edit and Retract, for writers) go at its end.
 */
export function developmentArticle(
  development: Development,
  headingLevel: 'h2' | 'h1' = 'h2',
  actions: HTMLElement | null = null,
) {
  const retracted = development.retracted;
  return html(
    'article',
    { class: retracted ? 'development retracted' : 'development' },
    html(
      'header',
      { class: 'development-header' },
      html(
        'p',
        { class: 'development-meta' },
        html(
          'time',
          { datetime: development.occurredOn, class: 'development-date' },
          formatDayRange(development.occurredOn, development.occurredUntil),
        ),
        development.location && userText('span', development.location, { class: 'location' }),
        development.revision > 1 &&
          html(
            'span',
            { class: 'revision', title: 'Corrected since it was first recorded' },
            `revision ${development.revision}`,
          ),
      ),
      html(
        headingLevel,
        { class: 'development-title', 'data-testid': 'development-title', dir: 'auto' },
        headingLevel === 'h2'
          ? html('a', { href: developmentHref(development.developmentId) }, development.title)
          : development.title,
      ),
    ),
    retracted &&
      html(
        'p',
        { class: 'retracted-marker', 'data-testid': 'retracted-marker' },
        html('strong', {}, 'Retracted'),
        retracted.reason ? ': ' : '',
        retracted.reason && userText('span', retracted.reason),
      ),
    development.body && bodyText(development.body),
    development.statements.length > 0 &&
      html(
        'ul',
        { class: 'statements' },
        ...development.statements.map((statement) => statementItem(development, statement)),
      ),
    developmentFooter(development),
    actions,
  );
}

function bodyText(body: string): HTMLElement {
  const text = userText('p', body, { class: 'development-body' });
  if (!isLongBody(body)) return text;
  text.classList.add('collapsed');
  const toggle = html(
    'button',
    { type: 'button', class: 'link-button body-toggle', 'aria-expanded': 'false' },
    'Show more',
  );
  toggle.addEventListener('click', () => {
    const collapsed = text.classList.toggle('collapsed');
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.textContent = collapsed ? 'Show more' : 'Show less';
  });
  return html('div', { class: 'development-body-wrapper' }, text, toggle);
}

function statementItem(
  development: Development,
  statement: Development['statements'][number],
): HTMLLIElement {
  return html(
    'li',
    { class: 'statement' },
    actorLink(statement.actor, actorNameIn(development, statement.actor)),
    ' ',
    stanceBadge(statement.stance),
    ' on ',
    topicLink(statement.topic),
    statement.quote && html('q', { class: 'quote', dir: 'auto' }, statement.quote),
    statement.summary && userText('span', statement.summary, { class: 'summary' }),
  );
}

function developmentFooter(development: Development): HTMLElement {
  const source = development.source;
  const target = safeLinkTarget(source?.url);
  const label = source && sourceLabel(source);
  return html(
    'footer',
    { class: 'development-footer' },
    development.topics.length > 0 &&
      html(
        'p',
        { class: 'tags' },
        html('span', { class: 'tags-label' }, 'Topics'),
        ...development.topics.map((topic) => topicLink(topic)),
      ),
    development.actors.length > 0 &&
      html(
        'p',
        { class: 'tags' },
        html('span', { class: 'tags-label' }, 'Actors'),
        ...development.actors.map((actor) => actorLink(actor.id, actor.name)),
      ),
    source &&
      (label || source.publishedAt) &&
      html(
        'p',
        { class: 'source' },
        html('span', { class: 'tags-label' }, 'Source'),
        target
          ? html(
              'a',
              { href: target, target: '_blank', rel: 'noopener noreferrer', dir: 'auto' },
              label ?? target,
            )
          : label && userText('span', label),
        source.publishedAt && ` · published ${formatMoment(source.publishedAt)}`,
      ),
  );
}

/** The list item of the timeline for a development. */
export function developmentListItem(
  development: Development,
  actions: HTMLElement | null = null,
): HTMLLIElement {
  return html(
    'li',
    {
      class: 'timeline-item',
      'data-testid': 'development',
      'data-development-id': development.developmentId,
    },
    developmentArticle(development, 'h2', actions),
  );
}
