/** Where the web view looks for ingest when INGEST_PUBLIC_URL is unset (apps/web/src/api/ingest-url.ts). */
export const DEFAULT_INGEST_PORT = 3000;

/** The meta element the web view reads ingest's URL from. */
export const INGEST_URL_META = 'newsline-ingest-url';

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** index.html telling the page where ingest is, when INGEST_PUBLIC_URL is set; else as it is. */
export function withIngestUrl(page: string, ingestUrl: string | undefined): string {
  if (!ingestUrl) return page;
  const meta = `<meta name="${INGEST_URL_META}" content="${escapeAttribute(ingestUrl)}" />`;
  const headEnd = page.indexOf('</head>');
  return headEnd === -1
    ? `${meta}${page}`
    : `${page.slice(0, headEnd)}${meta}\n  ${page.slice(headEnd)}`;
}

const HOSTNAME = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])$/;

/**
 * The content-security-policy source that lets the page call ingest: the configured URL's
 * origin, else the page's own host on the default port (any scheme the page has). A Host
 * header that is not a plain host name gives none, so it cannot add to the policy.
 */
export function ingestConnectSource(
  ingestUrl: string | undefined,
  pageHostname: string,
): string | undefined {
  if (ingestUrl) return new URL(ingestUrl).origin;
  return HOSTNAME.test(pageHostname) ? `${pageHostname}:${DEFAULT_INGEST_PORT}` : undefined;
}
