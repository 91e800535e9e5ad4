/** The paragraph behind a citation: the whole paragraph with the excerpt highlighted, its neighbours, and a link to the document. */
import { fetchParagraph, type RequestOptions } from './api.js';
import type { Citation, SourceParagraphResponse } from './api-types.js';
import { append, clear, h, icon } from './dom.js';
import type { UiStrings } from './i18n.js';
import { directedText, setDirection } from './render-text.js';

export interface SourceView {
  element: HTMLElement;
  readonly isOpen: boolean;
  /** Shows the cited paragraph; `returnFocus` gets the focus back on close. */
  show(citation: Citation, returnFocus: HTMLElement): void;
  close(): void;
}

/**
 * Builds the (hidden) paragraph view. `onToggle` lets the chat hide its log while a paragraph is shown.
 * @example const view = createSourceView(strings, () => requestOptions, (open) => (log.hidden = open));
 */
export function createSourceView(
  strings: UiStrings,
  requestOptions: () => RequestOptions,
  onToggle: (open: boolean) => void,
): SourceView {
  const back = h('button', { type: 'button', class: 'back' }, icon('back'), strings.back);
  const title = h('h3', { class: 'viewer-title', id: 'viewer-title', tabindex: '-1' });
  const body = h('div', { class: 'viewer-body', 'aria-live': 'polite' });
  const previousLabel = h('span');
  const nextLabel = h('span');
  const previous = h('button', { type: 'button', class: 'nav prev', 'aria-label': strings.previous }, icon('back'), previousLabel);
  const next = h('button', { type: 'button', class: 'nav next', 'aria-label': strings.next }, nextLabel, icon('forward'));
  const documentLink = h('a', { class: 'doc-link', target: '_blank', rel: 'noopener' }, strings.openDocument, icon('external'));
  const element = h(
    'section',
    { class: 'viewer', hidden: true, 'aria-labelledby': 'viewer-title' },
    h('div', { class: 'viewer-head' }, back, title),
    h('div', { class: 'viewer-scroll' }, body),
    h('div', { class: 'viewer-foot' }, h('div', { class: 'viewer-nav' }, previous, next), documentLink),
  );

  let citation: Citation | undefined;
  let returnTo: HTMLElement | undefined;
  let shown: SourceParagraphResponse | undefined;
  let pending: AbortController | undefined;

  async function load(paragraph: number): Promise<void> {
    if (!citation) return;
    pending?.abort();
    const controller = (pending = new AbortController());
    const file = citation.file;
    renderTitle(file, paragraph);
    clear(body);
    append(body, h('p', { class: 'status' }, strings.loadingSource));
    try {
      const result = await fetchParagraph(file, paragraph, { ...requestOptions(), signal: controller.signal });
      if (controller.signal.aborted) return;
      shown = result;
      renderParagraph(result);
    } catch {
      if (controller.signal.aborted) return;
      clear(body);
      append(body, h('p', { class: 'error-lead', role: 'alert' }, strings.errorSource));
    }
  }

  function renderTitle(file: string, paragraph: number, page?: number): void {
    clear(title);
    const where = page === undefined ? strings.paragraph(paragraph) : `${strings.page(page)} · ${strings.paragraph(paragraph)}`;
    append(title, h('bdi', { class: 'file' }, file), h('span', { class: 'para' }, where));
    documentLink.href = `${requestOptions().endpoint}/sources/${encodeURIComponent(file)}#p-${paragraph}`;
  }

  function renderParagraph(result: SourceParagraphResponse): void {
    if (result.page !== undefined) renderTitle(result.file, result.paragraph, result.page);
    clear(body);
    const text = h('p', { class: 'paragraph' });
    const dir = setDirection(text, result.language);
    const cited = citation && citation.paragraph === result.paragraph && result.text.slice(citation.start, citation.end) === citation.text;
    if (cited) {
      append(text, ...directedText(result.text.slice(0, citation!.start), dir));
      append(text, h('mark', {}, ...directedText(citation!.text, dir)));
      append(text, ...directedText(result.text.slice(citation!.end), dir));
      append(body, h('p', { class: 'sr-only' }, strings.excerptHighlighted));
    } else {
      append(text, ...directedText(result.text, dir));
    }
    body.appendChild(text);
    showNeighbour(previous, previousLabel, strings.previous, result.previous);
    showNeighbour(next, nextLabel, strings.next, result.next);
    // A button that just became disabled would drop the focus to the page: hand it to its sibling.
    const focused = (element.getRootNode() as ShadowRoot | Document).activeElement;
    if (focused === next && next.disabled) previous.focus();
    if (focused === previous && previous.disabled) next.focus();
  }

  /** A neighbour button reads "paragraph 3" (its label says which way); without a neighbour it is disabled and invisible. */
  function showNeighbour(button: HTMLButtonElement, label: HTMLElement, name: string, neighbour?: { paragraph: number }): void {
    button.disabled = !neighbour;
    button.style.visibility = neighbour ? 'visible' : 'hidden';
    label.textContent = neighbour ? strings.paragraph(neighbour.paragraph) : '';
    button.setAttribute('aria-label', neighbour ? `${name}: ${strings.paragraph(neighbour.paragraph)}` : name);
  }

  back.addEventListener('click', () => view.close());
  previous.addEventListener('click', () => shown?.previous && void load(shown.previous.paragraph));
  next.addEventListener('click', () => shown?.next && void load(shown.next.paragraph));

  const view: SourceView = {
    element,
    get isOpen() {
      return !element.hidden;
    },
    show(chosen, focusAfter) {
      citation = chosen;
      returnTo = focusAfter;
      shown = undefined;
      element.hidden = false;
      onToggle(true);
      void load(chosen.paragraph);
      title.focus();
    },
    close() {
      pending?.abort();
      element.hidden = true;
      onToggle(false);
      returnTo?.focus();
    },
  };
  return view;
}
