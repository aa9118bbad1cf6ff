import type {
  DevelopmentInput,
  Draft,
  Stance,
  SuggestedStatement,
  ValidationDetail,
} from '@app/client';

/** What became of the last post of a draft to POST /v1/developments. */
export type PostResult =
  /** 202: recorded now. */
  | { kind: 'recorded'; message: string; developmentId?: string }
  /** 200: recorded before under this draft's key; nothing new was written. */
  | { kind: 'duplicate'; message: string; developmentId?: string }
  /** 400: nothing was recorded; `details` name the fields. */
  | { kind: 'invalid'; message: string; details: ValidationDetail[] }
  /** 401 or 403: signing in (again, or with a role that may write) would help. */
  | { kind: 'unauthorized'; message: string }
  /** Refused otherwise, or no answer: sending again is safe. */
  | { kind: 'failed'; message: string };

/** One draft at the desk: as proposed, as the person has it now, and what posting it gave. */
export interface DraftItem {
  /** The Idempotency-Key of every post of this draft: posting it again records nothing new. */
  idempotencyKey: string;
  proposed: Draft;
  /** The development to post: the proposed one, with the person's additions and edits. */
  development: DevelopmentInput;
  confirmed: boolean;
  posting: boolean;
  result?: PostResult;
}

/** Whether the draft is in the log: posting it again only says so. */
export function isRecorded(item: DraftItem): boolean {
  return item.result?.kind === 'recorded' || item.result?.kind === 'duplicate';
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The desk's items for the drafts of an answer, each with a key of its own. A draft proposed
 * before, unchanged (drafting the same article again), keeps its item: its key, confirmation
 * and result, so that it is not recorded twice.
 */
export function draftItems(
  drafts: readonly Draft[],
  previous: readonly DraftItem[],
  newKey: () => string,
): DraftItem[] {
  const unclaimed = [...previous];
  return drafts.map((draft) => {
    const at = unclaimed.findIndex((item) =>
      sameJson(item.proposed.development, draft.development),
    );
    if (at !== -1) {
      const [kept] = unclaimed.splice(at, 1);
      return { ...kept!, proposed: draft, posting: false };
    }
    return {
      idempotencyKey: newKey(),
      proposed: draft,
      development: structuredClone(draft.development),
      confirmed: false,
      posting: false,
    };
  });
}

/** The indexes of the drafts that "Post all confirmed" sends: confirmed, and not on their way. */
export function readyToPost(items: readonly DraftItem[]): number[] {
  return items.flatMap((item, index) => (item.confirmed && !item.posting ? [index] : []));
}

type Statement = NonNullable<DevelopmentInput['statements']>[number];

function sameStatement(statement: Statement, suggestion: SuggestedStatement): boolean {
  return (
    statement.actor === suggestion.actor &&
    statement.topic === suggestion.topic &&
    (statement.quote ?? '') === (suggestion.quote ?? '') &&
    (statement.summary ?? '') === (suggestion.summary ?? '')
  );
}

/** Whether the development already holds the suggested statement (whatever its stance). */
export function isSuggestionAdded(
  development: DevelopmentInput,
  suggestion: SuggestedStatement,
): boolean {
  return (development.statements ?? []).some((statement) => sameStatement(statement, suggestion));
}

/**
 * The development with the suggested statement among its statements, with `stance` (the
 * suggestion's own when none is given), and its topic among the topics. Unchanged when it
 * holds the statement already or when there is no stance to give it.
 */
export function addSuggestedStatement(
  development: DevelopmentInput,
  suggestion: SuggestedStatement,
  stance: Stance | undefined = suggestion.stance,
): DevelopmentInput {
  if (!stance || isSuggestionAdded(development, suggestion)) return development;
  const statement: Statement = {
    actor: suggestion.actor,
    topic: suggestion.topic,
    stance,
    ...(suggestion.quote !== undefined && { quote: suggestion.quote }),
    ...(suggestion.summary !== undefined && { summary: suggestion.summary }),
  };
  const topics = development.topics ?? [];
  return {
    ...development,
    ...(!topics.includes(suggestion.topic) && { topics: [...topics, suggestion.topic] }),
    statements: [...(development.statements ?? []), statement],
  };
}

/** The indexes of the proposed development's actors that the read model does not know yet. */
export function newActorIndexes(draft: Draft): Set<number> {
  const indexes = new Set<number>();
  for (const evidence of draft.evidence) {
    const match = /^development\.actors\.(\d+)$/.exec(evidence.path);
    if (match && evidence.new === true) indexes.add(Number(match[1]));
  }
  return indexes;
}

/** Whether the actor (by id) of the development is one the read model does not know yet. */
export function isNewActor(item: DraftItem, actorId: string | undefined): boolean {
  const proposed = item.proposed.development.actors ?? [];
  return [...newActorIndexes(item.proposed)].some((index) => proposed[index]?.id === actorId);
}

/** "72%" for a confidence of 0.72. */
export function confidenceText(confidence: number): string {
  return `${Math.round(Math.max(0, Math.min(1, confidence)) * 100)}%`;
}

/** What became of a post, from its answer's status and body. */
export function postResultOf(status: number, body: unknown): PostResult {
  const answer = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const developmentId =
    typeof answer.developmentId === 'string' ? { developmentId: answer.developmentId } : {};
  const said = typeof answer.message === 'string' ? answer.message : undefined;
  if (status === 202 && answer.duplicate !== true) {
    return { kind: 'recorded', message: 'Recorded.', ...developmentId };
  }
  if (status === 200 || status === 202) {
    return {
      kind: 'duplicate',
      message: 'Recorded already: nothing new was written.',
      ...developmentId,
    };
  }
  switch (status) {
    case 400:
      return {
        kind: 'invalid',
        message: 'Not recorded: some fields need attention.',
        details: Array.isArray(answer.details) ? (answer.details as ValidationDetail[]) : [],
      };
    case 401:
      return {
        kind: 'unauthorized',
        message: `Not signed in, or the sign-in has expired${said ? ` (${said})` : ''}: sign in and post again.`,
      };
    case 403:
      return {
        kind: 'unauthorized',
        message: 'Your role may not write: sign in as an editor to post.',
      };
    case 429:
      return {
        kind: 'failed',
        message: 'Too many writes for now: wait a moment, then post again.',
      };
    default:
      return {
        kind: 'failed',
        message: `Not recorded (${status}${said ? `: ${said}` : ''}). Posting again is safe: it is recorded once.`,
      };
  }
}

/** When a post got no answer at all. */
export const UNANSWERED: PostResult = {
  kind: 'failed',
  message:
    'No answer: it is not known whether it was recorded. Posting again is safe: it is recorded once.',
};

/** One line about a run of posts: "2 recorded, 1 recorded already, 1 to fix." */
export function postSummary(results: readonly PostResult[]): string {
  if (results.length === 0) return 'No draft is confirmed: confirm the drafts to post.';
  const count = (kind: PostResult['kind']) => results.filter((r) => r.kind === kind).length;
  const parts = [
    [count('recorded'), 'recorded'],
    [count('duplicate'), 'recorded already (nothing new written)'],
    [count('invalid'), 'to fix'],
    [count('failed') + count('unauthorized'), 'not recorded'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return `${said.join(', ')}.`;
}
