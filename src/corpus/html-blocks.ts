/** Paragraphs of an HTML tree: the text of its block elements (paragraphs, headings, list items, table cells). */
import type { ChildNode, Element } from 'domhandler';

/** Elements whose text is a paragraph of its own (a nested block ends the text before it). */
const BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'dt', 'dd', 'blockquote', 'pre', 'figcaption',
  'caption', 'div', 'section', 'article', 'main', 'ul', 'ol', 'table', 'tr', 'body', 'address', 'summary',
]);
/** Elements that are not reading text: dropped with everything inside. */
export const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'svg',
  'iframe', 'object', 'select', 'textarea', 'head', 'menu',
]);

/**
 * The block texts under `nodes`, in document order: whitespace collapsed to single spaces, trimmed,
 * empty blocks left out. `<br>` counts as a space.
 * @example blockTexts(parseDocument('<p>Ciao <b>a</b> tutti</p><li>Uno</li>').children) // ['Ciao a tutti', 'Uno']
 */
export function blockTexts(nodes: readonly ChildNode[]): string[] {
  const texts: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    if (text) texts.push(text);
    buffer = '';
  };
  const visit = (node: ChildNode) => {
    if (node.type === 'text') {
      buffer += node.data;
      return;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const element = node as Element;
    const name = element.name.toLowerCase();
    if (DROPPED.has(name)) return;
    if (name === 'br') {
      buffer += ' ';
      return;
    }
    const isBlock = BLOCKS.has(name);
    if (isBlock) flush();
    element.children.forEach(visit);
    if (isBlock) flush();
  };
  nodes.forEach(visit);
  flush();
  return texts;
}
