/** Reads an HTML page: the block texts of its main content, navigation and scripts dropped, `<title>` as title. */
import { DomUtils } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import { decodeText } from './decode-text.js';
import { blockTexts } from './html-blocks.js';
import type { Extracted } from './parse-document.js';
import { parseHtmlWithin } from './parse-html-within.js';
import type { ReaderLimits } from './reader-limits.js';

/**
 * The paragraphs of an HTML page: of `<main>` when it has one, else of its `<article>`s, else of `<body>`;
 * `<script>`, `<style>`, `<nav>`, `<header>`, `<footer>`, `<aside>` and forms are dropped. Entities decoded.
 * @throws ReaderLimitError past READER_MAX_DOM_DEPTH or READER_MAX_DOM_ELEMENTS.
 * @example await readHtml(new TextEncoder().encode('<title>T</title><p>Ciao</p>'), DEFAULT_READER_LIMITS) // { ok: true, title: 'T', … }
 */
export async function readHtml(bytes: Uint8Array, limits: ReaderLimits): Promise<Extracted> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  if (!/<[a-z!?/]/i.test(decoded.text)) return { ok: false, reason: 'not HTML (no markup); rename it to .txt' };
  const dom = parseHtmlWithin(decoded.text, limits, { decodeEntities: true });
  const titleElement = DomUtils.findOne((e) => e.name === 'title', dom.children, true);
  const title = titleElement ? DomUtils.textContent(titleElement).replace(/\s+/g, ' ').trim() : '';
  const paragraphs = blockTexts(mainContent(dom.children)).map((text) => ({ text }));
  return { ok: true, paragraphs, ...(title && { title }) };
}

function mainContent(nodes: ChildNode[]): ChildNode[] {
  const main = DomUtils.findOne((e) => e.name === 'main', nodes, true);
  if (main) return [main];
  const articles = DomUtils.findAll((e) => e.name === 'article', nodes);
  if (articles.length > 0) return DomUtils.removeSubsets(articles);
  const body = DomUtils.findOne((e) => e.name === 'body', nodes, true);
  return body ? [body] : nodes;
}
