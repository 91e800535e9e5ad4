/** GET /sources/:file: the whole document, one numbered paragraph per block with id `p-N`, so `#p-N` links land on it. */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { paragraphWindow, type ParagraphWindow } from '../../corpus/paragraph-window.js';
import type { SourceDocument } from '../../corpus/types.js';
import { highlightSegments, type Span } from '../client/highlight.js';
import { directionFor, pageHead, langAttribute, optionalAttribute } from './page-style.js';
import { pageStringsFor, type PageLanguage } from './page-strings.js';

/** The quoted sentences to highlight: spans within paragraph `paragraph`. */
export interface PageHighlight {
  paragraph: number;
  spans: Span[];
}

/**
 * Renders a window of a document (by default its first 256 KB; `?from=N` pages on) in the reader's language. The
 * paragraph named by the URL's `#p-N` is highlighted with CSS `:target` and scrolled to by the browser; with
 * `highlight`, the quoted sentences are marked, the first with id `quote-1` (the widget links to `#quote-1`), so both
 * work without script. Every paragraph takes its direction from its own text (`dir="auto"`) and every line inside
 * it too (CSS `unicode-bidi: plaintext`). PDF paragraphs show their page.
 * @example c.html(sourcePage(document, '', 'it', paragraphWindow(document, 1), { paragraph: 2, spans: [{ start: 0, end: 40 }] }))
 */
export function sourcePage(
  document: SourceDocument,
  origin: string,
  language: PageLanguage,
  window: ParagraphWindow = paragraphWindow(document, 1),
  highlight?: PageHighlight,
): HtmlEscapedString | Promise<HtmlEscapedString> {
  const strings = pageStringsFor(language);
  const windowLink = (from: number | undefined, label: string) =>
    from === undefined ? '' : html`<p><a href="?from=${from}&amp;lang=${language}">${label}</a></p>`;
  const paragraphs = window.paragraphs.map((p) => {
    const spans = highlight?.paragraph === p.number ? highlight.spans : [];
    let quote = 0;
    const segments = highlightSegments(p.text, spans).map((s) => (s.marked ? html`<mark id="quote-${++quote}">${s.text}</mark>` : s.text));
    const page = p.page === undefined ? '' : html`<span class="page">${strings.page(p.page)}</span>`;
    const label = p.page === undefined ? strings.paragraph(p.number) : `${strings.paragraph(p.number)}, ${strings.page(p.page)}`;
    return html`<section class="paragraph${quote > 0 ? ' quoted' : ''}" id="p-${p.number}">
  <a class="n" href="#p-${p.number}" aria-label="${label}">${p.number}${page}</a>
  <p dir="auto"${optionalAttribute('lang', langAttribute(p.language))}>${segments}</p>
</section>`;
  });
  const quoted = highlight && window.paragraphs.some((p) => p.number === highlight.paragraph);
  const lastPage = document.paragraphs.at(-1)?.page;
  const title = document.title && document.title !== document.file ? document.title : undefined;
  // A PDF opens at the page of the quoted paragraph (or of the first one shown): browsers' viewers read #page=N
  // (left out for page 1, where a PDF opens anyway).
  const shownPage = (quoted ? document.paragraphs.find((p) => p.number === highlight!.paragraph) : window.paragraphs[0])?.page;
  const original = `/originals/${document.file.split('/').map(encodeURIComponent).join('/')}${shownPage === undefined || shownPage === 1 ? '' : `#page=${shownPage}`}`;

  return html`<!doctype html>
<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">
<head>
${pageHead(title ? `${title} · ${document.file}` : document.file)}
</head>
<body>
<header class="top"><div class="wrap">
  <p><a href="/?lang=${language}">${strings.allDocuments}</a></p>
  <h1><bdi dir="auto">${title ?? document.file}</bdi></h1>
  <p class="lead">${title ? html`<bdi class="file-name">${document.file}</bdi> · ` : ''}${strings.summary(document.language, document.paragraphs.length)}${lastPage === undefined ? '' : ` · ${strings.pages(lastPage)}`}. ${strings.numbersNote}${quoted ? html` ${strings.quoteHighlighted}` : ''} <a href="${original}">${strings.originalFile}</a></p>
</div></header>
<main class="wrap doc">
  ${windowLink(window.previous, strings.earlierParagraphs)}
  <article dir="${directionFor(document.language)}"${optionalAttribute('lang', langAttribute(document.language))}>${paragraphs}</article>
  ${windowLink(window.next, strings.laterParagraphs)}
</main>
<div class="chat-dock" aria-hidden="true"></div>
<script src="/widget.js" data-endpoint="${origin}" data-lang="${language}" defer></script>
</body>
</html>`;
}

/**
 * The 404 page for a file the index does not hold.
 * @example c.html(missingSourcePage('nope.txt', 'en'), 404)
 */
export function missingSourcePage(file: string, language: PageLanguage): HtmlEscapedString | Promise<HtmlEscapedString> {
  const strings = pageStringsFor(language);
  return html`<!doctype html>
<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">
<head>
${pageHead(strings.missingTitle)}
</head>
<body>
<header class="top"><div class="wrap">
  <h1>${strings.missingTitle}</h1>
  <p class="lead">${strings.missingText} (<bdi>${file}</bdi>) <a href="/?lang=${language}">${strings.seeAll}</a></p>
</div></header>
</body>
</html>`;
}
