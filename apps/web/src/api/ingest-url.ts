/** Ingest's port when the projector does not say where ingest is (its DEFAULT_INGEST_PORT). */
const DEFAULT_INGEST_PORT = 3000;

/**
 * Where the page reaches ingest: the URL the projector put in
 * `<meta name="newsline-ingest-url">` (INGEST_PUBLIC_URL), else port 3000 of the page's
 * own scheme and host.
 */
export function resolveIngestUrl(
  configured: string | null | undefined,
  page: { protocol: string; hostname: string },
): string {
  const given = configured?.trim().replace(/\/+$/, '');
  return given || `${page.protocol}//${page.hostname}:${DEFAULT_INGEST_PORT}`;
}

export function ingestUrlOfPage(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="newsline-ingest-url"]');
  return resolveIngestUrl(meta?.content, location);
}
