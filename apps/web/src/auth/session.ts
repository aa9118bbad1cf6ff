import type { ApiClient } from '../api/api-client';
import { signedInAs, signInProblem } from './session-text';
import type { SessionAnswer } from './session-text';
import { signInToken } from './tokens';

type Listener = () => void;

/**
 * Who is signed in on this tab: the token (kept in sessionStorage, never in the address) and
 * what GET /v1/session says it may do. Pages ask it whether to show write controls, and are
 * drawn again when it changes.
 */
export class Session {
  private token = signInToken.get();
  private answer: SessionAnswer | null = null;
  private readonly listeners = new Set<Listener>();
  /** Why the last sign-in ended without the reader signing out, such as an expired token. */
  private lapse: string | undefined;

  /** The token to send, if the reader signed in. */
  currentToken(): string | undefined {
    return this.token;
  }

  /** What the projector last said of this tab's credential; null until it answered. */
  current(): SessionAnswer | null {
    return this.answer;
  }

  signedInAs(): { name: string; role: string } | null {
    return this.answer && this.token ? signedInAs(this.answer) : null;
  }

  /** Whether write controls are shown: the session says this credential (or none) may write. */
  mayWrite(): boolean {
    return this.answer?.may.write === true;
  }

  mayAdmin(): boolean {
    return this.answer?.may.admin === true;
  }

  /** Why the reader is no longer signed in; undefined when they signed out or never signed in. */
  lapseReason(): string | undefined {
    return this.lapse;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Asks the projector who this tab's token names. A token it refuses (expired, revoked) is
   * forgotten, and the session is asked again without it.
   */
  async load(api: ApiClient): Promise<void> {
    const { data, error, response } = await api.GET('/v1/session');
    if (response.ok && data) {
      this.answer = data;
      if (this.token && !data.principal) this.forget(signInProblem(200, data) ?? undefined);
    } else if (response.status === 401 && this.token) {
      this.forget(signInProblem(401, error) ?? undefined);
      return this.load(api);
    }
    this.notify();
  }

  /** Signs in with `token` if the projector takes it; else says why not. */
  async signIn(api: ApiClient, token: string): Promise<string | null> {
    const { data, error, response } = await api.GET('/v1/session', {
      headers: { Authorization: `Bearer ${token}` },
    });
    const problem = signInProblem(response.status, response.ok ? data : error);
    if (problem !== null || !data) return problem ?? 'The server did not answer.';
    this.token = token;
    this.lapse = undefined;
    signInToken.set(token);
    this.answer = data;
    this.notify();
    return null;
  }

  async signOut(api: ApiClient): Promise<void> {
    this.forget(undefined);
    await this.load(api);
  }

  /** A request with the token was refused as unauthenticated: the token no longer works. */
  async expire(api: ApiClient, reason: string): Promise<void> {
    if (!this.token) return;
    this.forget(reason);
    await this.load(api);
  }

  private forget(reason: string | undefined): void {
    this.token = undefined;
    this.lapse = reason;
    signInToken.set(undefined);
  }

  private notify(): void {
    this.listeners.forEach((listener) => listener());
  }
}
