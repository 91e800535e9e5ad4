/** The widget's stylesheet, scoped by its shadow root: the host page's CSS cannot reach in, and this cannot leak out. */

const FONT_STACK = `system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", Tahoma, sans-serif`;
const ARABIC_FONT_STACK = `"Noto Sans Arabic", "Noto Naskh Arabic", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif`;

export const STYLES = `
:host { all: initial; }
[hidden] { display: none !important; }
.root {
  --accent: #0b5cad; --on-accent: #ffffff; --text: #1a1d23; --muted: #565d6b; --border: #d9dee6;
  --surface: #f4f6f9; --panel: #ffffff; --mark: #ffe58a; --danger: #b42318;
  font-family: ${FONT_STACK}; font-size: 15px; line-height: 1.55; color: var(--text);
  -webkit-font-smoothing: antialiased; text-align: start;
}
.root *, .root *::before, .root *::after { box-sizing: border-box; }
:lang(ar) { font-family: ${ARABIC_FONT_STACK}; line-height: 1.8; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button, textarea, a { font: inherit; color: inherit; }
button { cursor: pointer; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.icon { width: 20px; height: 20px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; flex: none; }
[dir="rtl"] .icon-back, [dir="rtl"] .icon-forward, [dir="rtl"] .icon-send { transform: scaleX(-1); }

.launcher {
  position: fixed; bottom: 20px; inset-inline-end: 20px; z-index: 2147483000;
  width: 58px; height: 58px; border-radius: 50%; border: 0; display: grid; place-items: center;
  background: var(--accent); color: var(--on-accent); box-shadow: 0 6px 20px rgba(16, 24, 40, .28);
  transition: transform .15s ease;
}
.launcher:hover { transform: scale(1.05); }
.launcher .icon { width: 26px; height: 26px; }

.panel {
  position: fixed; bottom: 92px; inset-inline-end: 20px; z-index: 2147483000;
  width: min(400px, calc(100vw - 40px)); height: min(660px, calc(100vh - 116px)); height: min(660px, calc(100dvh - 116px));
  display: flex; flex-direction: column; overflow: hidden;
  background: var(--panel); border-radius: 16px; border: 1px solid var(--border);
  box-shadow: 0 16px 48px rgba(16, 24, 40, .22);
}
.header { display: flex; align-items: center; gap: 4px; padding: 12px 10px 12px 18px; background: var(--accent); color: var(--on-accent); }
[dir="rtl"] .header { padding: 12px 18px 12px 10px; }
.header h2 { flex: 1; margin: 0; font-size: 16px; font-weight: 650; line-height: 1.3; }
.icon-button { width: 36px; height: 36px; border: 0; border-radius: 8px; background: transparent; display: grid; place-items: center; }
.icon-button:hover { background: rgba(255, 255, 255, .16); }
.header :focus-visible { outline-color: var(--on-accent); outline-offset: -3px; }

.body { position: relative; flex: 1; min-height: 0; display: flex; flex-direction: column; }
.log { position: relative; flex: 1; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; gap: 14px; overscroll-behavior: contain; }
.log:focus-visible { outline-offset: -3px; }
.welcome { margin: auto 8px; text-align: center; color: var(--muted); }
.welcome p { margin: 0; }
.suggestions-label { margin: 18px 0 8px !important; font-size: 13px; font-weight: 600; }
.suggestion-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.suggestion {
  width: 100%; min-height: 44px; padding: 9px 14px; border-radius: 12px; border: 1px solid var(--border);
  background: var(--panel); color: var(--text); text-align: start; overflow-wrap: anywhere; unicode-bidi: plaintext;
}
.suggestion:hover { border-color: var(--accent); }
.actions { display: flex; flex-direction: column; gap: 8px; }
.action-row { display: flex; align-items: center; gap: 4px; flex-wrap: wrap; }
.action { width: 40px; height: 40px; display: grid; place-items: center; border: 1px solid transparent; border-radius: 8px; background: transparent; color: var(--muted); }
.action:hover { border-color: var(--border); background: var(--panel); color: var(--text); }
.action[aria-pressed="true"], .action.done { color: var(--accent); border-color: var(--accent); background: var(--panel); }
.action:disabled { cursor: default; }
.action .icon { width: 18px; height: 18px; }
.action-note { margin: 0 4px !important; font-size: 13px; color: var(--muted); }
.feedback-form { display: flex; flex-direction: column; align-items: flex-start; gap: 8px; }
.feedback-comment { width: 100%; min-height: 60px; }
.turn { display: flex; flex-direction: column; gap: 10px; }
.msg { max-width: 100%; border-radius: 14px; overflow-wrap: anywhere; }
.msg p { margin: 0; }
.user { align-self: flex-end; max-width: 85%; padding: 9px 14px; background: var(--accent); color: var(--on-accent); border-end-end-radius: 4px; white-space: pre-wrap; }
.bot { align-self: stretch; padding: 12px 14px; background: var(--surface); border-end-start-radius: 4px; display: flex; flex-direction: column; gap: 10px; }
.answer { white-space: pre-wrap; text-align: start; }
.answer:empty { display: none; }
.answer > * + * { margin-top: 8px; }
.confidence-slot:empty { display: none; }
.confidence { display: inline-flex; align-items: center; gap: 6px; margin: 0 !important; padding: 2px 10px; border-radius: 999px; font-size: 13px; font-weight: 650; border: 1px solid; }
.confidence[data-support="answered"] { background: #e7f6ec; color: #146c2e; border-color: #a6dcb5; }
.confidence[data-support="possible"] { background: #fff5e0; color: #7a4a00; border-color: #f0c66f; }
.confidence[data-support="none"] { background: #eef0f3; color: #3f4856; border-color: #cfd5dd; }
.confidence-symbol { font-weight: 800; }
.lead { font-weight: 600; white-space: normal; }
.quote-wrap { display: flex; flex-direction: column; align-items: flex-start; gap: 6px; }
.quote { align-self: stretch; margin: 0; padding: 8px 12px; white-space: normal; text-align: start; unicode-bidi: isolate; background: var(--panel); border: 1px solid var(--border); border-inline-start: 3px solid var(--accent); border-radius: 8px; }
.quote:lang(ar) { font-size: 16px; line-height: 1.75; }
.answer-line { white-space: normal; }
.translate { min-height: 32px; padding: 4px 10px; border-radius: 8px; border: 1px solid var(--border); background: var(--panel); color: var(--accent); font-size: 13px; font-weight: 600; }
.translation { align-self: stretch; padding: 6px 12px !important; font-size: 14px; border-inline-start: 3px dashed var(--border); color: var(--text); }
.gloss { font-size: 14px; }
.gloss-title { margin: 0 0 4px !important; font-size: 12px; font-weight: 650; letter-spacing: .04em; text-transform: uppercase; color: var(--muted); }
.gloss-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 2px; }
.gloss-arrow { color: var(--muted); }
.sources.nearest h3 { text-transform: none; letter-spacing: 0; font-size: 13px; }
.answer.streaming::after { content: "\\258D"; margin-inline-start: 2px; color: var(--accent); animation: blink 1s steps(2) infinite; }
.status { display: flex; align-items: center; gap: 10px; color: var(--muted); font-size: 14px; }
.dots { display: inline-flex; gap: 4px; }
.dots i { width: 7px; height: 7px; border-radius: 50%; background: var(--accent); opacity: .35; animation: pulse 1.2s infinite ease-in-out; }
.dots i:nth-child(2) { animation-delay: .15s; } .dots i:nth-child(3) { animation-delay: .3s; }

.chip {
  display: inline-flex; align-items: center; justify-content: center; min-width: 22px; height: 20px; padding: 0 6px; margin: 0 2px;
  border-radius: 10px; border: 1px solid var(--accent); vertical-align: 2px; font-size: 12px; font-weight: 650; line-height: 1;
  background: #e8f0fa; background: color-mix(in srgb, var(--accent) 12%, white); color: var(--text);
}
.chip:hover { background: color-mix(in srgb, var(--accent) 24%, white); }

.sources h3 { margin: 2px 0 6px; font-size: 12px; font-weight: 650; letter-spacing: .04em; text-transform: uppercase; color: var(--muted); }
.source-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.source {
  width: 100%; display: flex; flex-direction: column; gap: 3px; padding: 8px 10px; text-align: start;
  background: var(--panel); border: 1px solid var(--border); border-radius: 10px;
}
.source:hover { border-color: var(--accent); }
.source-head { display: flex; align-items: center; gap: 8px; font-size: 12.5px; color: var(--muted); min-width: 0; }
.source-num { flex: none; min-width: 20px; height: 20px; padding: 0 5px; border-radius: 10px; display: inline-grid; place-items: center; background: var(--accent); color: var(--on-accent); font-size: 11.5px; font-weight: 700; }
.file { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-weight: 600; color: var(--text); }
.doc-title { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; font-size: 13.5px; font-weight: 600; color: var(--text); }
.source-where { display: flex; gap: 4px; min-width: 0; padding-inline-start: 28px; font-size: 12px; color: var(--muted); }
.source-where .file, .viewer-title .doc-title ~ .file { font-weight: 500; color: var(--muted); }
.para { flex: none; }
.para::before { content: "· "; }
.excerpt { unicode-bidi: plaintext; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; font-size: 14px; text-align: start; }
details { margin-top: 8px; }
summary { cursor: pointer; font-size: 13px; color: var(--muted); padding: 2px 0; }
details .source-list { margin-top: 6px; }

.error { display: flex; flex-direction: column; align-items: flex-start; gap: 8px; padding: 10px 12px; border-radius: 10px; background: #fef3f2; border: 1px solid #fecdca; }
.error-lead { color: var(--danger); font-weight: 600; }
.error-detail { color: var(--muted); font-size: 13.5px; }
.retry, .nav, .back { white-space: nowrap; display: inline-flex; align-items: center; gap: 6px; min-height: 36px; padding: 6px 12px; border-radius: 8px; border: 1px solid var(--border); background: var(--panel); font-size: 14px; }
.retry { border-color: var(--accent); background: var(--accent); color: var(--on-accent); }
.retry .icon, .nav .icon, .back .icon { width: 16px; height: 16px; }
.nav:disabled { opacity: .45; cursor: default; }

.viewer { flex: 1; min-height: 0; display: flex; flex-direction: column; }
.viewer-head { padding: 10px 16px 8px; display: flex; flex-direction: column; align-items: flex-start; gap: 6px; }
.back { border: 0; padding-inline: 4px; background: transparent; color: var(--accent); font-weight: 600; }
.viewer-title { margin: 0; font-size: 14px; font-weight: 500; color: var(--muted); display: flex; gap: 6px; flex-wrap: wrap; }
.viewer-title:focus { outline: none; }
.viewer-title .doc-title { flex-basis: 100%; white-space: normal; overflow-wrap: anywhere; font-size: 15px; }
.viewer-body .paragraph { unicode-bidi: plaintext; margin: 0; padding: 14px 16px; border-radius: 12px; background: var(--surface); border: 1px solid var(--border); white-space: pre-wrap; overflow-wrap: anywhere; text-align: start; }
mark { background: var(--mark); color: inherit; border-radius: 3px; padding: 1px 0; box-shadow: 0 0 0 2px var(--mark); }
.viewer-scroll { flex: 1; min-height: 0; overflow-y: auto; padding: 0 16px 14px; overscroll-behavior: contain; }
.viewer-foot { border-top: 1px solid var(--border); padding: 10px 16px 12px; display: flex; flex-direction: column; gap: 10px; }
.viewer-nav { display: flex; justify-content: space-between; gap: 8px; }
.doc-link { align-self: flex-start; display: inline-flex; align-items: center; gap: 6px; color: var(--accent); font-weight: 600; font-size: 14px; text-underline-offset: 3px; }
.doc-link .icon { width: 16px; height: 16px; }

.composer { border-top: 1px solid var(--border); padding: 10px 12px 8px; background: var(--panel); }
.input-row { display: flex; align-items: flex-end; gap: 8px; }
textarea {
  flex: 1; min-height: 44px; max-height: 140px; resize: none; padding: 10px 12px; border-radius: 12px;
  border: 1px solid #aab2bf; background: var(--panel); line-height: 1.45; unicode-bidi: plaintext;
}
textarea:focus-visible { outline-offset: 0; border-color: var(--accent); }
textarea::placeholder { color: #6b7280; }
.send { width: 44px; height: 44px; flex: none; border-radius: 50%; border: 0; display: grid; place-items: center; background: var(--accent); color: var(--on-accent); }
.send[aria-disabled="true"] { opacity: .5; cursor: progress; }
.hint { margin: 6px 2px 0; font-size: 12px; color: var(--muted); }

/* Phones, portrait or landscape: the panel fills the visual viewport (what is left above the on-screen keyboard),
   which the chat tracks in --vv-top/--vv-height; 100dvh where visualViewport is missing. */
@media (max-width: 520px), (max-height: 500px) {
  .panel {
    inset: auto; top: var(--vv-top, 0px); left: var(--vv-left, 0px); width: var(--vv-width, 100vw);
    height: 100vh; height: var(--vv-height, 100dvh); border-radius: 0; border: 0;
  }
  .is-open .launcher { display: none; }
  .hint { display: none; }
  textarea { font-size: 16px; }
  .icon-button, .send { min-width: 44px; min-height: 44px; }
}
.start-hint { margin: 12px 0 0; font-size: 14px; }
/* <rag-chat inline>: in the page's flow, filling its container (the host is a block of the container's size). */
:host([inline]) { display: block; width: 100%; height: 100%; min-height: 360px; }
.root.inline { height: 100%; }
.root.inline .launcher { display: none; }
.root.inline .panel {
  position: relative; inset: auto; top: auto; left: auto; bottom: auto; z-index: auto;
  width: 100%; height: 100%; max-height: none; border-radius: 12px; border: 1px solid var(--border); box-shadow: none;
}
@keyframes pulse { 0%, 80%, 100% { opacity: .3; transform: scale(.85); } 40% { opacity: 1; transform: scale(1); } }
@keyframes blink { to { visibility: hidden; } }
@media (prefers-reduced-motion: reduce) { .dots i, .answer.streaming::after { animation: none; opacity: .8; } .launcher { transition: none; } }
`;
