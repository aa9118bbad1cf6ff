import { createHash } from 'node:crypto';

/**
 * At most this many query texts are kept prepared on each connection; a text seen after them
 * is planned each time. Queries and projections make a bounded set of texts (values are
 * bound), so the limit only guards against one that does not.
 */
export const MAX_PREPARED_TEXTS = 1000;

/**
 * Names for prepared statements, one per query text (the same on every connection: PostgreSQL
 * keeps prepared statements per connection, and the client knows which it has prepared where);
 * undefined once MAX_PREPARED_TEXTS are named.
 */
export function preparedStatementNames(): (text: string) => string | undefined {
  const names = new Map<string, string>();
  return (text) => {
    const known = names.get(text);
    if (known !== undefined || names.size >= MAX_PREPARED_TEXTS) return known;
    const name = `newsline_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
    return name;
  };
}
