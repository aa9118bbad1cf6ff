import { ingestConnectSource, withIngestUrl } from './ingest-url';

describe('withIngestUrl', () => {
  const page = '<!doctype html><html><head><title>newsline</title></head><body></body></html>';

  it('puts the URL in a meta element at the end of the head', () => {
    expect(withIngestUrl(page, 'https://ingest.example.org')).toContain(
      '<meta name="newsline-ingest-url" content="https://ingest.example.org" />\n  </head>',
    );
  });

  it('escapes the URL as an attribute value', () => {
    expect(withIngestUrl(page, 'https://x.example/?a="b"&c=<d>')).toContain(
      'content="https://x.example/?a=&quot;b&quot;&amp;c=&lt;d&gt;"',
    );
  });

  it('leaves the page as it is when no URL is set', () => {
    expect(withIngestUrl(page, undefined)).toBe(page);
  });
});

describe('ingestConnectSource', () => {
  it("is the configured URL's origin", () => {
    expect(ingestConnectSource('https://example.org/ingest', 'news.example.org')).toBe(
      'https://example.org',
    );
  });

  it("is the page's host on port 3000 by default", () => {
    expect(ingestConnectSource(undefined, 'news.example.org')).toBe('news.example.org:3000');
    expect(ingestConnectSource(undefined, '[::1]')).toBe('[::1]:3000');
  });

  it.each(["evil.example 'unsafe-eval'", 'a;script-src *', ''])(
    'adds nothing for the host header %j',
    (hostname) => {
      expect(ingestConnectSource(undefined, hostname)).toBeUndefined();
    },
  );
});
