import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** What is read of a DOM node: the few members walking the tree needs. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

interface DomDocument {
  body: DomNode | null;
  querySelectorAll(selectors: string): ArrayLike<DomNode & { remove(): void }>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Never part of an article's text: code, styling, navigation and the page's frame. */
const DROPPED = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'canvas',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
];

/** Elements that start and end a paragraph of their own. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TR',
  'UL',
]);

/** Cells of a row stay on one line, apart. */
const CELLS = new Set(['TD', 'TH']);

/**
 * The text of the article in an HTML page: found with Readability (over linkedom), with
 * scripts, styles, navigation, headers, footers and asides dropped first; paragraphs are
 * separated by a blank line, line breaks inside one kept. When Readability finds no article
 * (a fragment, a page too short to hold one), the text of the whole body, by the same rules.
 */
export function htmlToText(html: string): string {
  const page = pageOf(html);
  if (isProbablyReaderable(page)) {
    // The serializer hands back the article's element itself, to be walked.
    const article = new Readability<DomNode>(page, {
      serializer: (node: DomNode) => node,
    }).parse();
    const text = article?.content ? textOf(article.content) : '';
    if (text !== '') return text;
    // Readability changes the document it reads: the body's text comes from a fresh one.
    return bodyTextOf(pageOf(html));
  }
  return bodyTextOf(page);
}

const bodyTextOf = (page: DomDocument): string => (page.body ? textOf(page.body) : '');

/** The page without what is never article text; a whole document even from a fragment. */
function pageOf(html: string): DomDocument {
  const whole = /<(html|body)[\s>]/i.test(html)
    ? html
    : `<!DOCTYPE html><html><body>${html}</body></html>`;
  const { document } = parseHTML(whole) as { document: DomDocument };
  for (const element of Array.from(document.querySelectorAll(DROPPED.join(',')))) {
    element.remove();
  }
  return document;
}

/** The paragraphs of a node's text, blank-line separated. */
export function textOf(root: DomNode): string {
  const paragraphs: string[] = [];
  let lines: string[] = [''];
  const endParagraph = () => {
    const text = lines
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line !== '')
      .join('\n');
    if (text !== '') paragraphs.push(text);
    lines = [''];
  };
  const append = (text: string) => {
    lines[lines.length - 1] += text;
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      append(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'BR') {
      lines.push('');
      return;
    }
    const block = BLOCKS.has(name);
    if (block) endParagraph();
    if (CELLS.has(name)) append(' ');
    for (const child of Array.from(node.childNodes)) walk(child);
    if (CELLS.has(name)) append(' ');
    if (block) endParagraph();
  };
  walk(root);
  endParagraph();
  return paragraphs.join('\n\n');
}
