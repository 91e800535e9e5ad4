/** The chat itself: launcher, panel, conversation log, composer and paragraph view, wired to the API. */
import { askStream, fetchSuggestions, RequestFailure, sendFeedback, type RequestOptions } from './api.js';
import type { AskResponse, Citation } from './api-types.js';
import { applyAccent } from './accent.js';
import { createTurnStore, type StoredTurn } from './conversation-store.js';
import { historyForRequest } from './history.js';
import { append, clear, h, icon } from './dom.js';
import { stringsFor } from './i18n.js';
import type { WidgetOptions } from './options.js';
import { createSourceView } from './source-view.js';
import { STYLES } from './styles.js';
import { startHint } from './start-hint.js';
import { keepTabOrder } from './tab-order.js';
import { createTurnView } from './turn-view.js';
import { copyText, trackVisualViewport } from './device.js';

/** What the chat needs from its surroundings. */
export interface ChatEnvironment {
  fetch?: typeof fetch;
  /** Where finished turns are kept between pages (sessionStorage); absent: memory only. */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

/** Controls of a mounted chat. */
export interface ChatWidget {
  open(): void;
  close(): void;
}

/**
 * Renders the chat into a shadow root.
 * @example mountChat(host.attachShadow({ mode: 'open' }), options, { fetch: window.fetch.bind(window), storage: sessionStorage })
 */
export function mountChat(root: ShadowRoot, options: WidgetOptions, env: ChatEnvironment): ChatWidget {
  const strings = stringsFor(options.uiLanguage);
  const store = createTurnStore(env.storage, `rag-chat:${options.endpoint}`);
  const requestOptions = (): RequestOptions => ({ endpoint: options.endpoint, timeoutMs: options.timeoutMs, fetch: env.fetch });
  const turns: StoredTurn[] = store.load();
  let current: AbortController | undefined;

  const launcher = h('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'panel', 'aria-label': strings.openChat }, icon('chat'));
  const newConversation = h('button', { type: 'button', class: 'icon-button', 'aria-label': strings.newConversation, title: strings.newConversation }, icon('restart'));
  const closeButton = h('button', { type: 'button', class: 'icon-button', 'aria-label': strings.closeChat, title: strings.closeChat }, icon('close'));
  const suggestions = h('div', { class: 'suggestions' });
  const welcome = h('div', { class: 'welcome' }, h('p', {}, strings.welcome), suggestions);
  const log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': options.title, tabindex: '0' }, welcome);
  const sourceView = createSourceView(strings, requestOptions, (open) => (log.hidden = open));
  const input = h('textarea', { id: 'question', rows: 1, placeholder: strings.placeholder, 'aria-describedby': 'hint', maxlength: 2000, enterkeyhint: 'send' });
  const send = h('button', { type: 'submit', class: 'send', 'aria-label': strings.send, title: strings.send }, icon('send'));
  const form = h(
    'form',
    { class: 'composer' },
    h('label', { for: 'question', class: 'sr-only' }, strings.inputLabel),
    h('div', { class: 'input-row' }, input, send),
    h('p', { id: 'hint', class: 'hint' }, strings.hint),
  );
  const panel = h(
    'section',
    { id: 'panel', class: 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'panel-title', hidden: true },
    h('header', { class: 'header' }, h('h2', { id: 'panel-title' }, options.title), newConversation, closeButton),
    h('div', { class: 'body' }, log, sourceView.element),
    form,
  );
  const container = h('div', { class: `root${options.inline ? ' inline' : ''}`, dir: options.uiLanguage === 'ar' ? 'rtl' : 'ltr', lang: options.uiLanguage }, launcher, panel);
  append(root, h('style', {}, STYLES), container);
  applyAccent(container, options.accent);
  trackVisualViewport(container);

  let autoScrollTop = -1;
  /** Scrolls to the end, but never past the top of `turn`: a long answer is read from its question down. */
  function follow(turn: HTMLElement, start = false): void {
    // The user scrolled since our last move: leave the log where they put it.
    if (!start && Math.abs(log.scrollTop - autoScrollTop) > 4) return;
    log.scrollTop = Math.min(log.scrollHeight - log.clientHeight, turn.offsetTop - 12);
    autoScrollTop = log.scrollTop;
  }

  function openCitation(citation: Citation, trigger: HTMLElement): void {
    sourceView.show(citation, trigger);
  }

  const turnActions = {
    openCitation,
    copy: (text: string) => copyText(text, root),
    sendFeedback: (verdict: 'up' | 'down', comment: string, response: AskResponse) =>
      sendFeedback({ verdict, comment, response }, requestOptions()),
  };

  /** Starter questions under the welcome text: the host page's own, else the server's; a tap asks one. */
  function showSuggestions(questions: string[]): void {
    clear(suggestions);
    if (questions.length === 0) {
      // No starter questions configured: say what can be asked rather than leave the panel bare.
      append(suggestions, h('p', { class: 'start-hint' }, startHint(options.uiLanguage)));
      return;
    }
    const list = h('ul', { class: 'suggestion-list' });
    for (const question of questions.slice(0, 4)) {
      const button = h('button', { type: 'button', class: 'suggestion', dir: 'auto' }, question);
      button.addEventListener('click', () => {
        if (!current) ask(question);
      });
      list.appendChild(h('li', {}, button));
    }
    append(suggestions, h('p', { class: 'suggestions-label', id: 'suggestions-label' }, strings.suggestionsLabel), list);
    list.setAttribute('aria-labelledby', 'suggestions-label');
  }

  function ask(question: string): void {
    welcome.hidden = true;
    const turn = createTurnView(question, strings, {
      ...turnActions,
      retry: () => {
        if (current) return; // another question is under way
        turn.element.remove();
        ask(question);
      },
    });
    log.appendChild(turn.element);
    follow(turn.element, true);
    const controller = (current = new AbortController());
    send.setAttribute('aria-disabled', 'true');
    askStream(
      question,
      {
        onCitations: (citations) => turn.setCitations(citations),
        onDelta: (text) => {
          turn.appendDelta(text);
          follow(turn.element);
        },
      },
      { ...requestOptions(), signal: controller.signal, history: historyForRequest(turns) },
    )
      .then((response) => {
        turn.complete(response);
        turns.push({ question, response });
        store.save(turns);
        follow(turn.element);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const failure = error instanceof RequestFailure ? error : new RequestFailure('network');
        turn.fail(failure.kind, failure.serverMessage);
        follow(turn.element);
      })
      .finally(() => {
        if (current === controller) {
          current = undefined;
          send.removeAttribute('aria-disabled');
        }
      });
  }

  function submit(): void {
    const question = input.value.trim();
    if (!question || current) return;
    input.value = '';
    resizeInput();
    ask(question);
  }

  function resizeInput(): void {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 140)}px`;
  }

  function restore(): void {
    for (const { question, response } of turns) {
      const turn = createTurnView(question, strings, { ...turnActions, retry: () => undefined });
      turn.setCitations(response.citations);
      turn.complete(response);
      log.appendChild(turn.element);
    }
    welcome.hidden = turns.length > 0;
  }

  function startOver(): void {
    current?.abort();
    current = undefined;
    send.removeAttribute('aria-disabled');
    turns.length = 0;
    store.save(turns);
    if (sourceView.isOpen) sourceView.close();
    clear(log);
    log.appendChild(welcome);
    welcome.hidden = false;
    input.focus();
  }

  const widget: ChatWidget = {
    open() {
      panel.hidden = false;
      container.classList.add('is-open');
      launcher.setAttribute('aria-expanded', 'true');
      log.scrollTop = log.scrollHeight;
      input.focus();
    },
    close() {
      panel.hidden = true;
      container.classList.remove('is-open');
      launcher.setAttribute('aria-expanded', 'false');
      launcher.focus();
    },
  };

  launcher.addEventListener('click', () => (panel.hidden ? widget.open() : widget.close()));
  closeButton.addEventListener('click', () => widget.close());
  newConversation.addEventListener('click', startOver);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener('input', resizeInput);
  input.addEventListener('keydown', (event) => {
    // isComposing: Enter that confirms an IME composition must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    if (sourceView.isOpen) sourceView.close();
    else if (!options.inline) widget.close();
  });

  keepTabOrder({ root, panel, input, send, log, viewer: sourceView.element, header: panel.querySelector('header')!, launcher });

  restore();
  if (options.suggestions.length > 0) showSuggestions(options.suggestions);
  else void fetchSuggestions(options.uiLanguage, requestOptions()).then(showSuggestions);
  if (options.inline) closeButton.hidden = true;
  if (options.open || options.inline) {
    panel.hidden = false;
    container.classList.add('is-open');
    launcher.setAttribute('aria-expanded', 'true');
  }
  return widget;
}
