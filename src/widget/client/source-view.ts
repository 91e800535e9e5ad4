/** The paragraph behind a citation: the whole paragraph with the quoted sentences highlighted, its neighbours, and a link to the document. */
import { fetchParagraph, type RequestOptions } from './api.js';
import type { Citation, SourceParagraphResponse } from './api-types.js';
import { append, clear, h, icon } from './dom.js';
import type { UiStrings } from './i18n.js';
import { guessDirection } from './answer-text.js';
import { citationTitle } from './citation-title.js';
import { highlightParam, highlightSegments, type Span } from './highlight.js';
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
    const documentTitle = citation && citationTitle(citation);
    append(title, documentTitle && h('bdi', { class: 'doc-title', dir: 'auto' }, documentTitle), h('bdi', { class: 'file' }, file), h('span', { class: 'para' }, where));
    documentLink.href = documentHref(file, paragraph);
  }

  /** The source page in the widget's language; on the cited paragraph it highlights the quotes and opens at the first. */
  function documentHref(file: string, paragraph: number): string {
    const query = new URLSearchParams({ lang: strings.language });
    const spans = citation && citation.paragraph === paragraph ? highlightedSpans(citation) : [];
    if (spans.length > 0) query.set('highlight', highlightParam(paragraph, spans));
    return `${requestOptions().endpoint}/sources/${encodeURIComponent(file)}?${query}#${spans.length > 0 ? 'quote-1' : `p-${paragraph}`}`;
  }

  function renderParagraph(result: SourceParagraphResponse): void {
    if (result.page !== undefined) renderTitle(result.file, result.paragraph, result.page);
    clear(body);
    const text = h('p', { class: 'paragraph' });
    setDirection(text, result.language);
    // Direction per line, from its own first letter: an English heading inside Arabic text stays left-aligned.
    text.setAttribute('dir', 'auto');
    const cited = citation && citation.paragraph === result.paragraph && result.text.slice(citation.start, citation.end) === citation.text;
    const spans = cited ? highlightedSpans(citation!) : [];
    let offset = 0;
    for (const segment of highlightSegments(result.text, spans)) {
      const nodes: Node[] = [];
      // Names running against their line's direction are isolated per line: isolating against the whole
      // paragraph's direction would hide an Arabic line of an Italian paragraph from the per-line direction.
      for (const piece of segment.text.split(/(?<=\n)/)) {
        nodes.push(...directedText(piece, guessDirection(lineAt(result.text, offset))));
        offset += piece.length;
      }
      if (segment.marked) append(text, h('mark', {}, ...nodes));
      else append(text, ...nodes);
    }
    if (cited) append(body, h('p', { class: 'sr-only' }, strings.excerptHighlighted));
    body.appendChild(text);
    documentLink.href = documentHref(result.file, result.paragraph);
    text.querySelector('mark')?.scrollIntoView({ block: 'center' });
    showNeighbour(previous, previousLabel, strings.previous, result.previous);
    showNeighbour(next, nextLabel, strings.next, result.next);
    // A button that just became disabled would drop the focus to the page: hand it to its sibling.
    const focused = (element.getRootNode() as ShadowRoot | Document).activeElement;
    if (focused === next && next.disabled) previous.focus();
    if (focused === previous && previous.disabled) next.focus();
  }

  /** What the answer quoted from the citation; an answer that quoted no whole sentence highlights the excerpt. */
  function highlightedSpans(chosen: Citation): Span[] {
    return chosen.quotes?.length ? chosen.quotes : [{ start: chosen.start, end: chosen.end }];
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

/** The line of `text` holding offset `at`. */
function lineAt(text: string, at: number): string {
  const start = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return text.slice(start, end === -1 ? undefined : end);
}
