import { htmlToText } from './html-to-text';

/** A news page as outlets serve it: the article in a frame of navigation, ads and scripts. */
const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <title>Talks resume in Geneva | The Daily Example</title>
  <style>p { color: red; }</style>
  <script>window.tracking = "Do not read this";</script>
</head>
<body>
  <header><a href="/">The Daily Example</a> <span>Subscribe now</span></header>
  <nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  <main>
    <article>
      <h1>Talks resume in Geneva</h1>
      <p>On December 3, the delegations of Ukraine and the United States met in Geneva for
        a second round of talks on the peace plan. The meeting lasted six hours, and both sides
        agreed to keep the details of the revised document to themselves for now.</p>
      <p>Foreign minister Andrii Sybiha said that the document &ldquo;is not final&rdquo; and
        that both sides would meet again. Rustem Umerov, the head of the delegation, called the
        talks <em>constructive</em>.</p>
      <script>console.log("inline script in the article");</script>
      <p>The next day, on December 4, the negotiators returned to Kyiv.<br>They briefed the
        president the same evening.</p>
      <ul><li>Security guarantees</li><li>Reconstruction</li></ul>
      <p>In Kyiv,&nbsp;officials said that a third meeting could take place on December&nbsp;10
        if the American side agreed to the amended text, according to several people familiar
        with the matter who spoke on condition of anonymity.</p>
    </article>
    <div class="related-stories"><a href="/x">Related: markets close higher on Friday</a></div>
    <aside><h3>Most read</h3><p>Ten recipes for the winter holidays you will love</p></aside>
  </main>
  <footer><p>© The Daily Example. All rights reserved.</p></footer>
</body>
</html>`;

describe('htmlToText', () => {
  const text = htmlToText(PAGE);

  it('keeps the article, paragraph by paragraph, separated by blank lines', () => {
    const paragraphs = text.split('\n\n');
    expect(paragraphs).toContain(
      'On December 3, the delegations of Ukraine and the United States met in Geneva for a ' +
        'second round of talks on the peace plan. The meeting lasted six hours, and both sides ' +
        'agreed to keep the details of the revised document to themselves for now.',
    );
    expect(paragraphs).toContain(
      'Foreign minister Andrii Sybiha said that the document “is not final” and that both ' +
        'sides would meet again. Rustem Umerov, the head of the delegation, called the talks ' +
        'constructive.',
    );
    expect(text).toContain('Security guarantees\n\nReconstruction');
  });

  it('keeps a line break inside a paragraph, and no-break spaces as spaces', () => {
    expect(text).toContain(
      'The next day, on December 4, the negotiators returned to Kyiv.\nThey briefed the ' +
        'president the same evening.',
    );
    expect(text).toContain(
      'In Kyiv, officials said that a third meeting could take place on December 10',
    );
  });

  it('drops scripts, styles, navigation, header, footer and asides', () => {
    for (const dropped of [
      'Do not read this',
      'inline script',
      'color: red',
      'Subscribe now',
      'Sport',
      'Most read',
      'recipes',
      'All rights reserved',
      // Not dropped by tag: Readability leaves it out of the article.
      'markets close higher',
    ]) {
      expect([dropped, text.includes(dropped)]).toEqual([dropped, false]);
    }
  });

  it('has no blank runs or stray whitespace', () => {
    expect(text).not.toMatch(/\n{3,}/);
    expect(text).not.toMatch(/^\s|\s$/);
    expect(text).not.toMatch(/ {2,}|\t| \n|\n /);
  });

  it('falls back to the text of the body when there is no article to find', () => {
    const fragment =
      '<div>Короткий допис.</div><div class="related">2 грудня, <b>Київ</b>.</div><script>x()</script>';
    expect(htmlToText(fragment)).toBe('Короткий допис.\n\n2 грудня, Київ.');
  });

  it('reads a fragment with no html or body element, and plain text as one paragraph', () => {
    expect(htmlToText('<p>Одне речення.</p><p>Друге речення.</p>')).toBe(
      'Одне речення.\n\nДруге речення.',
    );
    expect(htmlToText('Just words,   no markup.')).toBe('Just words, no markup.');
    expect(htmlToText('')).toBe('');
  });

  it('keeps the cells of a table row on one line', () => {
    const table =
      '<table><tr><th>Date</th><th>Event</th></tr><tr><td>December 2</td><td>Talks</td></tr></table>';
    expect(htmlToText(table)).toBe('Date Event\n\nDecember 2 Talks');
  });
});
