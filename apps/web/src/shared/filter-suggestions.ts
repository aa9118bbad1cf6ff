import type { ApiClient } from '../api/api-client';
import { projectorData } from '../api/api-client';
import { describeError, isAbort } from '../api/api-error';
import type { FilterForm } from './filter-form';

/**
 * Fills the actor and topic suggestions of a filter form, the most active actors first;
 * `query` goes into both reads, such as a known-at.
 */
export function loadFilterSuggestions(
  api: ApiClient,
  form: FilterForm,
  signal: AbortSignal,
  query: { knownAt?: string } = {},
): void {
  void Promise.all([
    projectorData(
      api.GET('/v1/actors', {
        params: { query: { limit: 500, sort: 'activity', ...query } },
        signal,
      }),
    ),
    projectorData(api.GET('/v1/topics', { params: { query: { limit: 500, ...query } }, signal })),
  ])
    .then(([actors, topics]) => {
      form.setActors(actors.items);
      form.setTopics(topics.items);
    })
    .catch((error: unknown) => {
      // The filters still work by typing an id; the list shows what went wrong, if anything.
      if (!isAbort(error)) console.warn(`filter suggestions unavailable: ${describeError(error)}`);
    });
}
