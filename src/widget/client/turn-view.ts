/** One question and its answer in the conversation: working state, streamed text with chips, sources, errors. */
import type { FailureKind } from './api.js';
import type { AskResponse, Citation } from './api-types.js';
import { citedIds, splitAnswer } from './answer-text.js';
import { confidenceState, renderAnswerBlocks, supportOf } from './answer-view.js';
import { citationTitle } from './citation-title.js';
import { answerAsPlainText } from './copy-text.js';
import { append, clear, h, icon } from './dom.js';
import type { UiStrings } from './i18n.js';
import { directedText, setDirection } from './render-text.js';

export type TurnState = 'searching' | 'writing' | 'done' | 'error';

export interface TurnCallbacks {
  /** A chip or a source was chosen; `trigger` gets the focus back when the paragraph view closes. */
  openCitation(citation: Citation, trigger: HTMLElement): void;
  retry(): void;
  /** Puts text on the clipboard; false when the browser refused. */
  copy(text: string): Promise<boolean>;
  /** Sends the reader's verdict on the finished answer. */
  sendFeedback(verdict: 'up' | 'down', comment: string, response: AskResponse): Promise<void>;
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
  const answer = h('div', { class: 'answer', dir: 'auto', 'aria-busy': 'true' });
  const confidence = h('div', { class: 'confidence-slot' });
  const sources = h('div', { class: 'sources', hidden: true });
  const error = h('div', { class: 'error', role: 'alert', hidden: true });
  const actions = h('div', { class: 'actions', hidden: true });
  const bot = h('article', { class: 'msg bot', 'data-state': 'searching', 'aria-label': strings.answerLabel }, status, confidence, answer, sources, actions, error);
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

  /** "Citation 2: Title, file.txt, paragraph 5" (without the title when there is none). */
  function citationLabel(citation: Citation): string {
    const title = citationTitle(citation);
    return `${strings.citation(citation.id)}: ${title ? `${title}, ` : ''}${citation.file}, ${strings.paragraph(citation.paragraph)}`;
  }

  function chip(citation: Citation): HTMLButtonElement {
    const label = citationLabel(citation);
    const button = h('button', { type: 'button', class: 'chip', 'aria-label': label, title: label }, String(citation.id));
    button.addEventListener('click', () => callbacks.openCitation(citation, button));
    return button;
  }

  function sourceItem(citation: Citation): HTMLLIElement {
    const excerpt = h('span', { class: 'excerpt' });
    const dir = setDirection(excerpt, citation.language);
    append(excerpt, ...directedText(citation.text, dir));
    const title = citationTitle(citation);
    const number = h('span', { class: 'source-num', 'aria-hidden': 'true' }, String(citation.id));
    const file = h('bdi', { class: 'file' }, citation.file);
    // A PDF's page leads: it is what a reader finds in the printed or original document.
    const where = citation.page === undefined ? strings.paragraph(citation.paragraph) : `${strings.page(citation.page)} · ${strings.paragraph(citation.paragraph)}`;
    const paragraph = h('span', { class: 'para' }, where);
    // The title leads and the file name goes under it; without a title the file name leads as before.
    const head = title
      ? [h('span', { class: 'source-head' }, number, h('bdi', { class: 'doc-title', dir: 'auto' }, title)), h('span', { class: 'source-where' }, file, paragraph)]
      : [h('span', { class: 'source-head' }, number, file, paragraph)];
    const button = h('button', { type: 'button', class: 'source', 'aria-label': citationLabel(citation) }, ...head, excerpt);
    button.addEventListener('click', () => callbacks.openCitation(citation, button));
    return h('li', {}, button);
  }

  /** The cited sources (when nothing answers: the nearest passages, under a heading that says they are not answers). */
  function renderSources(text: string, notFound: boolean): void {
    clear(sources);
    const mentioned = citedIds(text).filter((id) => citations.some((c) => c.id === id));
    const primary = mentioned.length > 0 ? mentioned.map((id) => citations.find((c) => c.id === id)!) : citations;
    const rest = citations.filter((c) => !primary.includes(c));
    sources.hidden = citations.length === 0;
    sources.classList.toggle('nearest', notFound);
    append(sources, h('h3', {}, notFound ? strings.nearestNotAnswers : strings.sources), h('ol', { class: 'source-list' }, ...primary.map(sourceItem)));
    if (rest.length > 0) {
      append(sources, h('details', {}, h('summary', {}, strings.otherPassages(rest.length)), h('ol', { class: 'source-list' }, ...rest.map(sourceItem))));
    }
  }

  /** Copy, thumbs up and thumbs down under a finished answer; thumbs down asks for an optional comment first. */
  function renderActions(response: AskResponse): void {
    clear(actions);
    const copyLabel = h('span', { class: 'sr-only' }, strings.copy);
    const copy = h('button', { type: 'button', class: 'action copy', title: strings.copy }, icon('copy'), copyLabel);
    const up = h('button', { type: 'button', class: 'action', 'aria-pressed': 'false', 'aria-label': strings.helpful, title: strings.helpful }, icon('thumb-up'));
    const down = h('button', { type: 'button', class: 'action', 'aria-pressed': 'false', 'aria-label': strings.notHelpful, title: strings.notHelpful }, icon('thumb-down'));
    const note = h('p', { class: 'action-note', role: 'status' });
    const comment = h('textarea', { class: 'feedback-comment', rows: 2, maxlength: 2000, placeholder: strings.feedbackComment, 'aria-label': strings.feedbackComment, dir: 'auto' });
    const submit = h('button', { type: 'submit', class: 'retry' }, strings.feedbackSend);
    const form = h('form', { class: 'feedback-form', hidden: true }, comment, submit);

    copy.addEventListener('click', () => {
      void callbacks.copy(answerAsPlainText(response, strings)).then((ok) => {
        if (!ok) return;
        copyLabel.textContent = strings.copied;
        copy.classList.add('done');
        note.textContent = strings.copied;
        setTimeout(() => {
          copyLabel.textContent = strings.copy;
          copy.classList.remove('done');
          if (note.textContent === strings.copied) note.textContent = '';
        }, 2000);
      });
    });

    async function send(verdict: 'up' | 'down', text: string): Promise<void> {
      (verdict === 'up' ? up : down).setAttribute('aria-pressed', 'true');
      (verdict === 'up' ? down : up).setAttribute('aria-pressed', 'false');
      up.disabled = down.disabled = true;
      submit.disabled = true;
      try {
        await callbacks.sendFeedback(verdict, text, response);
        form.hidden = true;
        note.textContent = strings.feedbackThanks;
      } catch {
        note.textContent = strings.feedbackFailed;
        up.disabled = down.disabled = submit.disabled = false;
      }
    }
    up.addEventListener('click', () => void send('up', ''));
    down.addEventListener('click', () => {
      down.setAttribute('aria-pressed', 'true');
      up.setAttribute('aria-pressed', 'false');
      form.hidden = false;
      comment.focus();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void send('down', comment.value);
    });
    append(actions, h('div', { class: 'action-row' }, copy, up, down, note), form);
    actions.hidden = false;
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
      clear(answer);
      renderAnswerBlocks(answer, response, strings, chip);
      const support = supportOf(response);
      clear(confidence);
      append(confidence, confidenceState(support, strings));
      renderSources(response.answer, support === 'none');
      renderActions(response);
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
