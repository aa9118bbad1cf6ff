export interface StoredToken {
  get(): string | undefined;
  set(token: string | undefined): void;
}

/** Tokens the reader typed, kept for this tab only (sessionStorage). */
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

export const readToken = storedToken('newsline.readToken');
export const adminToken = storedToken('newsline.adminToken');
export const ingestToken = storedToken('newsline.ingestToken');
