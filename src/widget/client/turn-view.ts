/** One question and its answer in the conversation: working state, streamed text with chips, sources, errors. */
import type { FailureKind } from './api.js';
import type { AskResponse, Citation } from './api-types.js';
import { citedIds, splitAnswer } from './answer-text.js';
import { append, clear, h, icon } from './dom.js';
import type { UiStrings } from './i18n.js';
import { directedText, setDirection } from './render-text.js';

export type TurnState = 'searching' | 'writing' | 'done' | 'error';

export interface TurnCallbacks {
  /** A chip or a source was chosen; `trigger` gets the focus back when the paragraph view closes. */
  openCitation(citation: Citation, trigger: HTMLElement): void;
  retry(): void;
}

/** The DOM of one turn and the ways it changes. */
export interface TurnView {
  element: HTMLElement;
  setCitations(citations: Citation[]): void;
  appendDelta(text: string): void;
  complete(response: AskResponse): void;
  fail(kind: FailureKind, serverMessage?: string): void;
}

/**
 * Builds a turn showing `question` and a working indicator.
 * @example const turn = createTurnView('Quanti?', strings, callbacks); log.append(turn.element);
 */
export function createTurnView(question: string, strings: UiStrings, callbacks: TurnCallbacks): TurnView {
  const questionText = h('p', { class: 'bubble-text', dir: 'auto' }, ...directedText(question, 'auto'));
  const statusText = h('span', {}, strings.searching);
  const status = h('p', { class: 'status' }, h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')), statusText);
  // aria-busy: screen readers wait for the finished answer instead of reading every streamed piece.
  const answer = h('p', { class: 'answer', dir: 'auto', 'aria-busy': 'true' });
  const sources = h('div', { class: 'sources', hidden: true });
  const error = h('div', { class: 'error', role: 'alert', hidden: true });
  const bot = h('article', { class: 'msg bot', 'data-state': 'searching', 'aria-label': strings.answerLabel }, status, answer, sources, error);
  const element = h(
    'div',
    { class: 'turn' },
    h('div', { class: 'msg user' }, h('span', { class: 'sr-only' }, `${strings.you}: `), questionText),
    bot,
  );

  let citations: Citation[] = [];
  let streamed = '';

  function setState(state: TurnState): void {
    bot.setAttribute('data-state', state);
    status.hidden = state === 'done' || state === 'error';
    statusText.textContent = state === 'searching' ? strings.searching : strings.writing;
  }

  function renderAnswer(text: string): void {
    const known = new Set(citations.map((c) => c.id));
    clear(answer);
    const base = answer.getAttribute('dir') === 'rtl' ? 'rtl' : answer.getAttribute('dir') === 'ltr' ? 'ltr' : 'auto';
    for (const segment of splitAnswer(text, known)) {
      if (segment.kind === 'text') append(answer, ...directedText(segment.text, base));
      else append(answer, chip(citations.find((c) => c.id === segment.id)!));
    }
  }

  function chip(citation: Citation): HTMLButtonElement {
    const label = `${strings.citation(citation.id)}: ${citation.file}, ${strings.paragraph(citation.paragraph)}`;
    const button = h('button', { type: 'button', class: 'chip', 'aria-label': label, title: label }, String(citation.id));
    button.addEventListener('click', () => callbacks.openCitation(citation, button));
    return button;
  }

  function sourceItem(citation: Citation): HTMLLIElement {
    const excerpt = h('span', { class: 'excerpt' });
    const dir = setDirection(excerpt, citation.language);
    append(excerpt, ...directedText(citation.text, dir));
    const button = h(
      'button',
      { type: 'button', class: 'source', 'aria-label': `${strings.citation(citation.id)}: ${citation.file}, ${strings.paragraph(citation.paragraph)}` },
      h(
        'span',
        { class: 'source-head' },
        h('span', { class: 'source-num', 'aria-hidden': 'true' }, String(citation.id)),
        h('bdi', { class: 'file' }, citation.file),
        h('span', { class: 'para' }, strings.paragraph(citation.paragraph)),
      ),
      excerpt,
    );
    button.addEventListener('click', () => callbacks.openCitation(citation, button));
    return h('li', {}, button);
  }

  function renderSources(text: string): void {
    clear(sources);
    const mentioned = citedIds(text).filter((id) => citations.some((c) => c.id === id));
    const primary = mentioned.length > 0 ? mentioned.map((id) => citations.find((c) => c.id === id)!) : citations;
    const rest = citations.filter((c) => !primary.includes(c));
    sources.hidden = citations.length === 0;
    append(sources, h('h3', {}, strings.sources), h('ol', { class: 'source-list' }, ...primary.map(sourceItem)));
    if (rest.length > 0) {
      append(sources, h('details', {}, h('summary', {}, strings.otherPassages(rest.length)), h('ol', { class: 'source-list' }, ...rest.map(sourceItem))));
    }
  }

  return {
    element,
    setCitations(next) {
      citations = next;
      setState('writing');
    },
    appendDelta(text) {
      streamed += text;
      setState('writing');
      answer.classList.add('streaming');
      renderAnswer(streamed);
    },
    complete(response) {
      citations = response.citations;
      setDirection(answer, response.language);
      answer.classList.remove('streaming');
      renderAnswer(response.answer);
      renderSources(response.answer);
      answer.setAttribute('aria-busy', 'false');
      setState('done');
    },
    fail(kind, serverMessage) {
      // A half-streamed answer could mislead: only a complete one is shown.
      answer.classList.remove('streaming');
      clear(answer);
      answer.setAttribute('aria-busy', 'false');
      clear(error);
      const lead = {
        network: strings.errorNetwork,
        timeout: strings.errorTimeout,
        rate_limited: strings.errorRateLimited,
        http: strings.errorServer,
        cut_off: strings.errorCutOff,
        aborted: strings.errorCutOff,
      }[kind];
      const retry = h('button', { type: 'button', class: 'retry' }, icon('retry'), strings.retry);
      retry.addEventListener('click', () => callbacks.retry());
      append(error, h('p', { class: 'error-lead' }, lead), serverMessage ? h('p', { class: 'error-detail', dir: 'auto' }, serverMessage) : null, retry);
      error.hidden = false;
      setState('error');
    },
  };
}
