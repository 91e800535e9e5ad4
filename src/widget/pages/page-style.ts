/** Shared look of the server's own HTML pages (demo and source pages), and small helpers they share. */
import { html, raw } from 'hono/html';
import type { DetectedLanguage } from '../../corpus/types.js';

/** Languages named for readers of the page, with their own name in brackets. */
export const LANGUAGE_NAMES: Record<DetectedLanguage, string> = {
  ar: 'Arabic (العربية)',
  it: 'Italian (Italiano)',
  kk: 'Kazakh (Қазақша)',
  en: 'English',
  other: 'Other',
};

/**
 * `dir` for a block of text in a language; `auto` lets the browser decide for unknown languages.
 * @example directionFor('ar') // 'rtl'
 */
export function directionFor(language: DetectedLanguage): 'rtl' | 'ltr' | 'auto' {
  if (language === 'ar') return 'rtl';
  return language === 'other' ? 'auto' : 'ltr';
}

/** The `lang` attribute value, or undefined (attribute left out) for unknown languages. */
export function langAttribute(language: DetectedLanguage): string | undefined {
  return language === 'other' ? undefined : language;
}

/**
 * ` name="value"` (escaped) when there is a value, nothing otherwise.
 * @example html`<p${optionalAttribute('lang', 'ar')}>` // <p lang="ar">
 */
export function optionalAttribute(name: string, value: string | undefined) {
  return value === undefined ? '' : html` ${name}="${value}"`;
}

export const PAGE_STYLES = `
:root { --accent: #0b5cad; --text: #1a1d23; --muted: #565d6b; --border: #d9dee6; --surface: #f4f6f9; --mark: #fff1b8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", Tahoma, sans-serif; color: var(--text); background: #fff; }
:lang(ar) { font-family: "Noto Sans Arabic", "Noto Naskh Arabic", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif; line-height: 1.85; }
a { color: var(--accent); text-underline-offset: 3px; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.wrap { max-width: 960px; margin: 0 auto; padding: 0 24px; }
.top { border-bottom: 1px solid var(--border); background: var(--surface); }
.top .wrap { padding-block: 28px 24px; }
.top h1 { margin: 0 0 6px; font-size: 28px; line-height: 1.25; overflow-wrap: anywhere; }
.lead { margin: 0; color: var(--muted); max-width: 70ch; }
main { padding-block: 8px 96px; }
h2 { font-size: 19px; margin: 32px 0 12px; }
.facts { color: var(--muted); margin: 0 0 14px; }
.mode { margin: 0 0 14px; max-width: 70ch; }
.table-scroll { overflow-x: auto; max-width: 100%; }
table { width: 100%; border-collapse: collapse; font-size: 15px; }
td a { overflow-wrap: anywhere; }
.doc-title { font-weight: 600; }
.file-name { color: var(--muted); overflow-wrap: anywhere; }
td .file-name { font-size: 13px; }
th, td { text-align: start; padding: 10px 12px; border-bottom: 1px solid var(--border); vertical-align: top; }
th { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; }
.num { text-align: end; font-variant-numeric: tabular-nums; }
.opening { unicode-bidi: plaintext; text-align: start; color: var(--muted); display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; max-width: 46ch; }
p code { overflow-wrap: anywhere; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 14px; }
pre { background: #0f172a; color: #e2e8f0; padding: 14px 16px; border-radius: 10px; overflow-x: auto; }
.langs { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 14px; }
.langs a { padding: 4px 12px; border: 1px solid var(--border); border-radius: 999px; text-decoration: none; background: #fff; font-size: 14px; }
.langs a[aria-current="page"] { background: var(--accent); border-color: var(--accent); color: #fff; }
.doc { padding-block: 12px 120px; }
.paragraph { display: grid; grid-template-columns: 3.2em minmax(0, 1fr); gap: 0 14px; padding: 10px 12px; border-radius: 10px; scroll-margin-top: 30vh; }
.paragraph .n { text-align: end; color: var(--muted); font-size: 13px; font-variant-numeric: tabular-nums; text-decoration: none; padding-top: .25em; }
.paragraph .n .page { display: block; font-size: 11px; }
.paragraph p { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; text-align: start; }
mark { background: var(--mark); color: inherit; box-shadow: 0 0 0 2px var(--mark); border-radius: 3px; scroll-margin-block: 30vh; }
.paragraph.quoted { background: var(--surface); }
.paragraph.quoted mark { background: #ffe58a; box-shadow: 0 0 0 2px #ffe58a; }
.paragraph:target { background: var(--mark); box-shadow: inset 4px 0 0 #e0a800; }
[dir="rtl"] .paragraph:target { box-shadow: inset -4px 0 0 #e0a800; }
.paragraph:target .n { color: var(--text); font-weight: 700; }
/* Phones: the chat button sits in a bar of its own at the bottom, so it never covers the text (content scrolls above it). */
.chat-dock { display: none; }
@media (max-width: 560px) { .chat-dock { display: block; position: fixed; inset-inline: 0; bottom: 0; height: 92px; background: #fff; border-top: 1px solid var(--border); z-index: 10; } body { padding-bottom: 92px; } }
@media (max-width: 560px) { .wrap { padding: 0 14px; } .top h1 { font-size: 22px; } .opening { display: none; } .opening-col { display: none; } th, td { padding: 8px 6px; } .paragraph { grid-template-columns: 2.2em minmax(0, 1fr); gap: 0 8px; padding: 8px 6px; } }
`;

/** The shared `<head>` of every page: charset, viewport, no favicon request, title and the page styles. */
export function pageHead(title: string) {
  return html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>${raw(PAGE_STYLES)}</style>`;
}
