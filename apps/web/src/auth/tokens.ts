export interface StoredToken {
  get(): string | undefined;
  set(token: string | undefined): void;
}

/** A token kept for this tab only (sessionStorage), never in the address. */
function storedToken(key: string): StoredToken {
  return {
    get(): string | undefined {
      try {
        return sessionStorage.getItem(key) ?? undefined;
      } catch {
        return undefined;
      }
    },
    set(token: string | undefined): void {
      try {
        if (token) sessionStorage.setItem(key, token);
        else sessionStorage.removeItem(key);
      } catch {
        // Storage can be disabled; the token then lasts until the page is left.
      }
    },
  };
}

/** The token the reader signed in with: sent on reads, writes and rebuilds alike. */
export const signInToken = storedToken('newsline.token');
