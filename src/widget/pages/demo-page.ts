/** GET /: a demo page that embeds the widget exactly as a customer would, and says what the corpus holds. */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { LoadedIndex } from '../../index/types.js';
import { demoStringsFor } from './demo-strings.js';
import { LANGUAGE_NAMES, pageHead, langAttribute, optionalAttribute } from './page-style.js';
import { pageStringsFor, type PageLanguage } from './page-strings.js';

const INTERFACE_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'ar', name: 'العربية' },
  { code: 'it', name: 'Italiano' },
  { code: 'kk', name: 'Қазақша' },
] as const;

/** Stands for this server's origin in the embed snippet until `/demo-page.js` replaces it with `location.origin`. */
export const SNIPPET_ORIGIN_PLACEHOLDER = 'https://THIS-SERVER';

/** The demo page's own script (CSP allows same-origin scripts only): fills this server's origin into the snippet. */
export const DEMO_PAGE_SCRIPT = `for (const el of document.querySelectorAll('[data-origin-placeholder]')) {
  el.textContent = el.textContent.split(el.dataset.originPlaceholder).join(location.origin);
}
`;

/** Characters of each document's opening shown in the table. */
const OPENING_CHARS = 140;

/**
 * Renders the demo page in the reader's `language` (from ?lang or Accept-Language); the widget follows the page's
 * `lang`, and `requested` (a valid ?lang) is also passed to it as data-lang. `origin` is where the widget and API are served.
 * @example c.html(demoPage(index, 'http://127.0.0.1:3000', 'ar'))
 */
export function demoPage(index: LoadedIndex, origin: string, language: PageLanguage, requested?: PageLanguage): HtmlEscapedString | Promise<HtmlEscapedString> {
  const { manifest, documents } = index;
  const t = demoStringsFor(language);
  // English readers get each language's own name beside it; other readers, the names in their language.
  const names = language === 'en' ? LANGUAGE_NAMES : pageStringsFor(language).languageNames;
  const paragraphs = manifest.files.reduce((sum, f) => sum + f.paragraphs, 0);
  const languages = [...new Set(manifest.files.map((f) => f.language))].map((l) => names[l]);
  const rows = manifest.files.map((file) => {
    const document = documents.get(file.file);
    const title = document?.title && document.title !== file.file ? document.title : undefined;
    const opening = document && openingAfterTitle(document.paragraphs, title);
    const text = opening ? truncate(opening.text, OPENING_CHARS) : '';
    const link = html`<a href="/sources/${encodeURIComponent(file.file)}">${title ? html`<bdi class="doc-title" dir="auto">${title}</bdi>` : html`<bdi>${file.file}</bdi>`}</a>`;
    return html`<tr>
      <td>${link}${title ? html`<br><bdi class="file-name">${file.file}</bdi>` : ''}</td>
      <td>${names[file.language]}</td>
      <td class="num">${file.paragraphs}</td>
      <td class="opening-col"><span class="opening" dir="auto"${optionalAttribute('lang', opening && langAttribute(opening.language))}>${text}</span></td>
    </tr>`;
  });
  // The live mode: an index with vectors is served lexically when RETRIEVAL=lexical or its model did not load.
  const mode = index.dense ? 'hybrid' : 'lexical';
  const retrieval = t.retrieval(mode, manifest.model);
  // Without PUBLIC_URL the server does not know its public origin (the Host header is never reflected): the page's
  // script fills in the origin the browser reached it at, so the snippet works when pasted into another site.
  const snippetOrigin = origin || SNIPPET_ORIGIN_PLACEHOLDER;
  const snippet = `<script src="${snippetOrigin}/widget.js" data-endpoint="${snippetOrigin}" defer></script>`;
  const placeholder = optionalAttribute('data-origin-placeholder', origin ? undefined : SNIPPET_ORIGIN_PLACEHOLDER);

  return html`<!doctype html>
<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">
<head>
${pageHead(`${t.title} — demo`)}
</head>
<body>
<header class="top"><div class="wrap">
  <h1>${t.title}</h1>
  <p class="lead">${t.lead}</p>
  <nav class="langs" aria-label="${t.languageNav}">${INTERFACE_LANGUAGES.map(
    (l) => html`<a href="/?lang=${l.code}" lang="${l.code}"${optionalAttribute('aria-current', language === l.code ? 'page' : undefined)}>${l.name}</a>`,
  )}</nav>
</div></header>
<main class="wrap">
  <h2>${t.corpusHeading}</h2>
  <p class="facts">${t.facts({ files: manifest.files.length, paragraphs, passages: manifest.chunks })} · ${languages.join(', ')} · ${retrieval} · ${t.indexed(manifest.builtAt.slice(0, 10))}</p>
  <p class="mode">${t.acrossLanguages(mode)}</p>
  <div class="table-scroll"><table>
    <thead><tr><th scope="col">${t.columns[0]}</th><th scope="col">${t.columns[1]}</th><th scope="col" class="num">${t.columns[2]}</th><th scope="col" class="opening-col">${t.columns[3]}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>
  <h2>${t.embedHeading}</h2>
  <pre><code${placeholder}>${snippet}</code></pre>
  <p lang="en" dir="ltr">Options as data attributes: <code>data-title</code>, <code>data-lang</code> (en, ar, it, kk; default: the page’s language), <code>data-open</code>, <code>data-accent</code>, <code>data-suggestions</code> (up to four starter questions separated by <code>|</code>). Or place <code${placeholder}>&lt;rag-chat endpoint="${snippetOrigin}"&gt;&lt;/rag-chat&gt;</code> where you like after loading the script; with <code>inline</code> it sits there and fills its container instead of floating.</p>
</main>
<div class="chat-dock" aria-hidden="true"></div>
<script src="/widget.js" data-endpoint="${origin}"${optionalAttribute('data-lang', requested)} defer></script>
${origin ? '' : html`<script src="/demo-page.js" defer></script>`}
</body>
</html>`;
}

/** The first paragraph, or the second when the title was taken from the first (so the table does not say it twice). */
function openingAfterTitle<P extends { text: string }>(paragraphs: readonly P[], title: string | undefined): P | undefined {
  const [first, second] = paragraphs;
  const titleStem = title?.replace(/…$/, '');
  const firstIsTitle = titleStem !== undefined && first !== undefined && first.text.replace(/\s+/g, ' ').includes(titleStem);
  return firstIsTitle && second ? second : first;
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('').trimEnd()}…`;
}
