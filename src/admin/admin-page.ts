/** GET /admin: the document manager's page (its script, /admin.js, does the work with the admin key). */
import { html, raw } from 'hono/html';
import { pageHead } from '../widget/pages/page-style.js';

const ADMIN_STYLES = `
[hidden] { display: none !important; }
.key-form { margin-top: 24px; }
td.num { white-space: nowrap; }
.key-form, .drop { display: flex; gap: 10px; flex-wrap: wrap; align-items: center; }
.key-form input { flex: 1 1 16em; min-width: 0; padding: 8px 10px; font: inherit; border: 1px solid var(--border); border-radius: 8px; }
button, .pick { font: inherit; padding: 8px 14px; border-radius: 8px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; min-height: 44px; }
button.quiet { background: #fff; color: var(--accent); }
button.danger { background: #fff; color: #a11; border-color: #a11; }
.drop { border: 2px dashed var(--border); border-radius: 12px; padding: 20px; justify-content: center; text-align: center; margin-bottom: 18px; }
.drop.over { border-color: var(--accent); background: var(--surface); }
.drop input[type=file] { position: absolute; inline-size: 1px; block-size: 1px; opacity: 0; }
.drop input[type=file]:focus-visible + .pick { outline: 3px solid var(--accent); outline-offset: 2px; }
.status { padding: 12px 14px; border: 1px solid var(--border); border-radius: 10px; background: var(--surface); margin-bottom: 18px; }
.status progress { inline-size: 100%; }
.state { font-weight: 600; }
.state-failed, .error { color: #a11; }
.skipped li { overflow-wrap: anywhere; }
.badge { font-size: 13px; padding: 2px 8px; border-radius: 999px; background: var(--surface); border: 1px solid var(--border); white-space: nowrap; }
.badge.skipped { border-color: #a11; color: #a11; }
td bdi { overflow-wrap: anywhere; }
@media (max-width: 560px) { .col-optional { display: none; } }
`;

/**
 * The page: key form, drop zone with a file picker, build status and the document table, filled in by /admin.js.
 * @example c.html(adminPage())
 */
export function adminPage() {
  return html`<!doctype html>
<html lang="en">
<head>
${pageHead('Documents — admin')}
<style>${raw(ADMIN_STYLES)}</style>
<script src="/admin.js" defer></script>
</head>
<body>
<header class="top"><div class="wrap">
  <h1>Documents</h1>
  <p class="lead">Add, replace and remove the documents the service answers from. Every change is indexed in the background; the current index keeps answering until the new one is ready.</p>
</div></header>
<main class="wrap">
  <form class="key-form" id="key-form">
    <label for="admin-key">Admin key</label>
    <input id="admin-key" type="password" autocomplete="current-password" required>
    <button type="submit">Open</button>
  </form>
  <p class="error" id="message" role="alert"></p>
  <section id="manager" hidden>
    <h2>Upload</h2>
    <label class="drop" id="drop">
      <span>Drop .txt, .md, .pdf, .docx or .html files here, or</span>
      <input id="files" type="file" multiple accept=".txt,.md,.pdf,.docx,.html,.htm">
      <span class="pick">choose files</span>
    </label>
    <h2>Index</h2>
    <div class="status" id="status" aria-live="polite"></div>
    <h2>Files</h2>
    <div class="table-scroll"><table>
      <thead><tr><th>Document</th><th class="col-optional">Language</th><th class="num col-optional">Paragraphs</th><th class="num col-optional">Size</th><th>State</th><th><span class="col-optional">Action</span></th></tr></thead>
      <tbody id="documents"></tbody>
    </table></div>
  </section>
</main>
</body>
</html>`;
}
