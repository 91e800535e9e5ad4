/** GET /sources/:file: the whole document, one numbered paragraph per block with id `p-N`, so `#p-N` links land on it. */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
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
 * Renders a document in the reader's language. The paragraph named by the URL's `#p-N` is highlighted with CSS
 * `:target` and scrolled to by the browser; with `highlight`, the quoted sentences are marked, the first with id
 * `quote-1` (the widget links to `#quote-1`), so both work without script. Every paragraph takes its direction from
 * its own text (`dir="auto"`) and every line inside it too (CSS `unicode-bidi: plaintext`).
 * @example c.html(sourcePage(document, 'http://127.0.0.1:3000', 'it', { paragraph: 2, spans: [{ start: 0, end: 40 }] }))
 */
export function sourcePage(
  document: SourceDocument,
  origin: string,
  language: PageLanguage,
  highlight?: PageHighlight,
): HtmlEscapedString | Promise<HtmlEscapedString> {
  const strings = pageStringsFor(language);
  const paragraphs = document.paragraphs.map((p) => {
    const spans = highlight?.paragraph === p.number ? highlight.spans : [];
    let quote = 0;
    const segments = highlightSegments(p.text, spans).map((s) => (s.marked ? html`<mark id="quote-${++quote}">${s.text}</mark>` : s.text));
    return html`<section class="paragraph${quote > 0 ? ' quoted' : ''}" id="p-${p.number}">
  <a class="n" href="#p-${p.number}" aria-label="${strings.paragraph(p.number)}">${p.number}</a>
  <p dir="auto"${optionalAttribute('lang', langAttribute(p.language))}>${segments}</p>
</section>`;
  });
  const quoted = highlight && document.paragraphs.some((p) => p.number === highlight.paragraph);

  return html`<!doctype html>
<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">
<head>
${pageHead(document.file)}
</head>
<body>
<header class="top"><div class="wrap">
  <p><a href="/?lang=${language}">${strings.allDocuments}</a></p>
  <h1><bdi>${document.file}</bdi></h1>
  <p class="lead">${strings.summary(document.language, document.paragraphs.length)}. ${strings.numbersNote}${quoted ? html` ${strings.quoteHighlighted}` : ''}</p>
</div></header>
<main class="wrap doc">
  <article dir="${directionFor(document.language)}"${optionalAttribute('lang', langAttribute(document.language))}>${paragraphs}</article>
</main>
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
