/** The `<rag-chat>` custom element: reads its attributes once connected and mounts the chat in its shadow root. */
import { mountChat, type ChatWidget } from './chat-widget.js';
import { resolveOptions } from './options.js';

/**
 * Defines the element class; `scriptOrigin` is the default endpoint (where widget.js was loaded from).
 * @example customElements.define('rag-chat', defineRagChatElement('https://qa.example'));
 */
export function defineRagChatElement(scriptOrigin: string): CustomElementConstructor {
  return class RagChatElement extends HTMLElement {
    private chat: ChatWidget | undefined;

    connectedCallback(): void {
      if (this.chat) return;
      const options = resolveOptions((name) => this.getAttribute(name), {
        scriptOrigin,
        pageLang: document.documentElement.getAttribute('lang'),
      });
      this.chat = mountChat(this.shadowRoot ?? this.attachShadow({ mode: 'open' }), options, {
        fetch: window.fetch.bind(window),
        storage: sessionStorageOrUndefined(),
      });
    }

    /** Opens the panel. */
    open(): void {
      this.chat?.open();
    }

    /** Closes the panel. */
    close(): void {
      this.chat?.close();
    }
  };
}

/** Reading `sessionStorage` throws where storage is blocked (sandboxed frames, some privacy settings). */
function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
