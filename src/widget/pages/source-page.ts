/** GET /sources/:file: the whole document, one numbered paragraph per block with id `p-N`, so `#p-N` links land on it. */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { paragraphWindow, type ParagraphWindow } from '../../corpus/paragraph-window.js';
import type { SourceDocument } from '../../corpus/types.js';
import { LANGUAGE_NAMES, directionFor, pageHead, langAttribute, optionalAttribute } from './page-style.js';

/**
 * Renders a window of a document (by default its first 256 KB; `?from=N` pages on). The paragraph named by the URL's `#p-N` is highlighted with CSS `:target` and
 * scrolled to by the browser, so the deep link works without script.
 * @example c.html(sourcePage(document, 'http://127.0.0.1:3000'))
 */
export function sourcePage(
  document: SourceDocument,
  origin: string,
  window: ParagraphWindow = paragraphWindow(document, 1),
): HtmlEscapedString | Promise<HtmlEscapedString> {
  const direction = document.language === 'ar' ? 'rtl' : 'ltr';
  const windowLink = (from: number | undefined, label: string) =>
    from === undefined ? '' : html`<p><a href="?from=${from}">${label}</a></p>`;
  const paragraphs = window.paragraphs.map(
    (p) => html`<section class="paragraph" id="p-${p.number}">
  <a class="n" href="#p-${p.number}" aria-label="Paragraph ${p.number}${p.page === undefined ? '' : `, page ${p.page}`}">${p.number}${p.page === undefined ? '' : html`<span class="page">p. ${p.page}</span>`}</a>
  <p dir="${directionFor(p.language)}"${optionalAttribute('lang', langAttribute(p.language))}>${p.text}</p>
</section>`,
  );

  return html`<!doctype html>
<html lang="en">
<head>
${pageHead(`${document.file} — source`)}
</head>
<body>
<header class="top"><div class="wrap">
  <p><a href="/">← All documents</a></p>
  <h1><bdi>${document.title ?? document.file}</bdi></h1>
  <p class="lead">${document.title ? html`<bdi>${document.file}</bdi> · ` : ''}${LANGUAGE_NAMES[document.language]} · ${document.paragraphs.length} paragraphs${pageCount(document)}. Paragraph numbers are the ones citations use; link to one with <code>#p-N</code>. <a href="/originals/${document.file.split('/').map(encodeURIComponent).join('/')}">Original file</a></p>
</div></header>
<main class="wrap doc">
  ${windowLink(window.previous, '← Earlier paragraphs')}
  <article dir="${direction}"${optionalAttribute('lang', langAttribute(document.language))}>${paragraphs}</article>
  ${windowLink(window.next, 'Later paragraphs →')}
</main>
<script src="/widget.js" data-endpoint="${origin}" defer></script>
</body>
</html>`;
}

function pageCount(document: SourceDocument): string {
  const last = document.paragraphs.at(-1)?.page;
  return last === undefined ? '' : ` on ${last} page${last === 1 ? '' : 's'}`;
}

/**
 * The 404 page for a file the index does not hold.
 * @example c.html(missingSourcePage('nope.txt'), 404)
 */
export function missingSourcePage(file: string): HtmlEscapedString | Promise<HtmlEscapedString> {
  return html`<!doctype html>
<html lang="en">
<head>
${pageHead(`No such document`)}
</head>
<body>
<header class="top"><div class="wrap">
  <h1>No such document</h1>
  <p class="lead">The index holds no file named “<bdi>${file}</bdi>”. <a href="/">See the list of documents.</a></p>
</div></header>
</body>
</html>`;
}
