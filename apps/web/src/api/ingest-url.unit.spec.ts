import { resolveIngestUrl } from './ingest-url';

describe('resolveIngestUrl', () => {
  const page = { protocol: 'https:', hostname: 'news.example.org' };

  it('is the URL the projector gives', () => {
    expect(resolveIngestUrl('https://ingest.example.org/', page)).toBe(
      'https://ingest.example.org',
    );
  });

  it("is port 3000 of the page's scheme and host otherwise", () => {
    expect(resolveIngestUrl(null, page)).toBe('https://news.example.org:3000');
    expect(resolveIngestUrl('  ', { protocol: 'http:', hostname: '[::1]' })).toBe(
      'http://[::1]:3000',
    );
  });
});
