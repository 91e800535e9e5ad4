/** widget.js: defines `<rag-chat>` and, unless the page already has one, adds one configured by the script tag's data-* attributes. */
import { defineRagChatElement } from './element.js';
import { OPTION_ATTRIBUTES } from './options.js';

const script = document.currentScript as HTMLScriptElement | null;
const scriptOrigin = script?.src ? new URL(script.src, location.href).origin : location.origin;

if (!customElements.get('rag-chat')) customElements.define('rag-chat', defineRagChatElement(scriptOrigin));

function mountFromScriptTag(): void {
  if (!script || document.querySelector('rag-chat')) return;
  const element = document.createElement('rag-chat');
  for (const name of OPTION_ATTRIBUTES) {
    const value = script.getAttribute(`data-${name}`);
    if (value !== null) element.setAttribute(name, value);
  }
  document.body.appendChild(element);
}

// Without `defer` the script may run before <body> (or a <rag-chat> further down) has been parsed.
if (document.readyState !== 'loading') mountFromScriptTag();
else document.addEventListener('DOMContentLoaded', mountFromScriptTag, { once: true });
