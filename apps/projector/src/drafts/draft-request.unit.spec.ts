import { MAX_ARTICLE_BYTES } from '@app/contracts';
import { ApiError, TextBody } from '@app/http';
import { draftRequested } from './draft-request';

/** The error a request is refused with: status, code and the paths its details name. */
function refusal(body: unknown, query: unknown = {}) {
  try {
    draftRequested(body, query);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.status, code: error.code, paths: error.details.map((d) => d.path) };
  }
  throw new Error('the request was not refused');
}

describe('draftRequested', () => {
  it('takes a JSON body with text or html, the publication date and a source', () => {
    expect(
      draftRequested(
        { text: 'On December 3, talks.', publishedOn: '2025-12-20', source: { name: 'Wire' } },
        {},
      ),
    ).toEqual({
      text: 'On December 3, talks.',
      publishedOn: '2025-12-20',
      source: { name: 'Wire' },
    });
    const html = '<html><body><nav>Menu</nav><p>On December 3, talks.</p></body></html>';
    expect(draftRequested({ html, publishedOn: '2025-12-20' }, {})).toEqual({
      text: 'On December 3, talks.',
      publishedOn: '2025-12-20',
    });
  });

  it('takes a raw text or HTML body with ?publishedOn=', () => {
    const query = { publishedOn: '2025-12-20' };
    expect(draftRequested(new TextBody('text/plain', '2 грудня.'), query)).toEqual({
      text: '2 грудня.',
      publishedOn: '2025-12-20',
    });
    expect(draftRequested(new TextBody('text/html', '<p>2 грудня.</p>'), query)).toEqual({
      text: '2 грудня.',
      publishedOn: '2025-12-20',
    });
  });

  it('names the field at fault in a 400', () => {
    const day = { publishedOn: '2025-12-20' };
    expect(refusal({ ...day })).toEqual({
      status: 400,
      code: 'validation_failed',
      paths: ['text'],
    });
    expect(refusal({ ...day, text: 'a', html: '<p>a</p>' }).paths).toEqual(['html']);
    expect(refusal({ text: 'a' }).paths).toEqual(['publishedOn']);
    expect(refusal({ text: 'a', publishedOn: '2025-02-30' }).paths).toEqual(['publishedOn']);
    expect(refusal({ ...day, text: 'a', extra: true }).paths).toEqual(['extra']);
    expect(refusal({ ...day, text: 7 }).paths).toEqual(['text']);
    expect(refusal({ ...day, text: ' \n ' }).paths).toEqual(['text']);
    expect(refusal({ ...day, text: 'a\u0000b' }).paths).toEqual(['text']);
    expect(refusal({ ...day, html: '' }).paths).toEqual(['html']);
    expect(refusal(['a']).paths).toEqual(['']);
    expect(refusal(undefined).paths).toEqual(['']);
  });

  it('wants publishedOn in the query with a raw body, and in the body with JSON', () => {
    const raw = new TextBody('text/plain', 'On December 3, talks.');
    expect(refusal(raw)).toEqual({ status: 400, code: 'invalid_query', paths: ['publishedOn'] });
    expect(refusal(raw, { publishedOn: 'yesterday' }).paths).toEqual(['publishedOn']);
    expect(refusal(raw, { publishedOn: '2025-12-20', lang: 'en' }).paths).toEqual(['lang']);
    const json = { text: 'a', publishedOn: '2025-12-20' };
    expect(refusal(json, { publishedOn: '2025-12-20' }).paths).toEqual(['publishedOn']);
    expect(refusal(new TextBody('text/html', ''), { publishedOn: '2025-12-20' }).paths).toEqual([
      '',
    ]);
  });

  it('refuses an article over 200 KB with a 413, counted in bytes of UTF-8', () => {
    const day = { publishedOn: '2025-12-20' };
    const atLimit = 'я'.repeat(MAX_ARTICLE_BYTES / 2);
    expect(draftRequested({ ...day, text: atLimit }, {}).text).toBe(atLimit);
    const over = `${atLimit}x`;
    expect(refusal({ ...day, text: over })).toEqual({
      status: 413,
      code: 'payload_too_large',
      paths: [],
    });
    expect(refusal({ ...day, html: over }).status).toBe(413);
    expect(refusal(new TextBody('text/plain', over), day).status).toBe(413);
  });
});
