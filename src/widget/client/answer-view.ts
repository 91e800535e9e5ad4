/**
 * A finished answer as blocks: the confidence state in words, the lead line in the asker's language, each quote as a
 * block of its own language and direction (with its aligned words marked and, where the browser can translate on the
 * device, a Translate control), a language model's text in the asker's direction, and the gloss of key terms.
 */
import type { AskResponse, Citation } from './api-types.js';
import { citedIds, splitAnswer } from './answer-text.js';
import { append, h } from './dom.js';
import { highlightSegments } from './highlight.js';
import type { UiStrings } from './i18n.js';
import { directedText, setDirection } from './render-text.js';
import { addTranslateControl } from './translate-control.js';

export type Support = 'answered' | 'possible' | 'none';

/** The answer's support; a response from a server older than `support` has only `grounded`. */
export function supportOf(response: Pick<AskResponse, 'support' | 'grounded'>): Support {
  return response.support ?? (response.grounded ? 'answered' : 'possible');
}

/**
 * The confidence state as a labelled line: words and a symbol, never colour alone.
 * @example confidenceState('none', strings).textContent // 'Not found in the documents'
 */
export function confidenceState(support: Support, strings: UiStrings): HTMLElement {
  const words = { answered: strings.stateAnswered, possible: strings.statePossible, none: strings.stateNone }[support];
  const symbol = { answered: '✓', possible: '?', none: '–' }[support];
  return h('p', { class: 'confidence', 'data-support': support }, h('span', { class: 'confidence-symbol', 'aria-hidden': 'true' }, symbol), words);
}

/** A line of the answer that is one verbatim quote: the citation and the quoted span it repeats. */
interface QuoteLine {
  citation: Citation;
  start: number;
  end: number;
}

/** The quote a line repeats verbatim (its text before the markers), or undefined for other text. */
function quoteOf(line: string, citations: readonly Citation[]): QuoteLine | undefined {
  const text = line.replace(/(?:\s*\[\d+\])+\s*$/, '').trim();
  for (const id of citedIds(line)) {
    const citation = citations.find((c) => c.id === id);
    const span = citation?.quotes.find((q) => citation.text.slice(q.start - citation.start, q.end - citation.start) === text);
    if (citation && span) return { citation, ...span };
  }
  return undefined;
}

/**
 * Renders the answer's blocks into `container` (emptied by the caller). `chip` makes the button of a citation.
 * @example renderAnswerBlocks(div, response, strings, chip)
 */
export function renderAnswerBlocks(container: HTMLElement, response: AskResponse, strings: UiStrings, chip: (c: Citation) => HTMLElement): void {
  const asker = response.language === 'other' ? strings.language : response.language;
  const lines = response.answer.split('\n').filter((l) => l.trim() !== '');
  const hasLead = response.lead !== undefined && lines[0] === response.lead;
  const lead = h('p', { class: 'lead' });
  const leadDir = setDirection(lead, asker);
  append(lead, ...directedText(hasLead ? response.lead! : lines[0] ?? '', leadDir));
  append(container, lead);

  const known = new Set(response.citations.map((c) => c.id));
  const quoted = new Set<number>();
  for (const line of lines.slice(1)) {
    const quote = quoteOf(line, response.citations);
    if (quote) {
      quoted.add(quote.citation.id);
      append(container, quoteBlock(quote, asker, strings, citedIds(line).filter((id) => known.has(id)).map((id) => chip(response.citations.find((c) => c.id === id)!))));
      continue;
    }
    const p = h('p', { class: 'answer-line' });
    const dir = setDirection(p, asker);
    for (const segment of splitAnswer(line, known)) {
      if (segment.kind === 'text') append(p, ...directedText(segment.text, dir));
      else append(p, chip(response.citations.find((c) => c.id === segment.id)!));
    }
    append(container, p);
  }

  // A language model's answer in the asker's language keeps the original beside it: each cited passage in another
  // language, verbatim, as a block of its own.
  if (supportOf(response) !== 'none') {
    for (const id of citedIds(response.answer)) {
      const citation = response.citations.find((c) => c.id === id);
      if (!citation || quoted.has(id) || citation.language === asker) continue;
      quoted.add(id);
      const spans = citation.quotes.length > 0 ? citation.quotes : [{ start: citation.start, end: citation.end }];
      for (const span of spans) append(container, quoteBlock({ citation, ...span }, asker, strings, [chip(citation)], true));
    }
  }
  renderGloss(container, response, asker, strings);
}

/** A quote as a block in its own language and direction, its aligned words marked, then its chips. */
function quoteBlock(quote: QuoteLine, asker: string, strings: UiStrings, chips: HTMLElement[], original = false): HTMLElement {
  const { citation, start, end } = quote;
  const text = citation.text.slice(start - citation.start, end - citation.start);
  const block = h('blockquote', { class: original ? 'quote original' : 'quote' });
  const dir = citation.dir ?? setDirection(block, citation.language);
  block.setAttribute('dir', dir);
  if (citation.language !== 'other') block.setAttribute('lang', citation.language);
  const inside = (citation.highlights ?? []).filter((s) => s.start >= start && s.end <= end).map((s) => ({ start: s.start - start, end: s.end - start }));
  for (const segment of highlightSegments(text, inside)) {
    const nodes = directedText(segment.text, dir);
    if (segment.marked) append(block, h('mark', { class: 'aligned' }, ...nodes));
    else append(block, ...nodes);
  }
  append(block, ' ', ...chips);
  const wrapper = h('div', { class: 'quote-wrap' }, block);
  if (citation.language !== asker && citation.language !== 'other') addTranslateControl(wrapper, text, citation.language, asker, strings);
  return wrapper;
}

/** "press freedom ↔ حرية الصحافة [1]", one term a line, each side isolated in its own direction; nothing when empty. */
function renderGloss(container: HTMLElement, response: AskResponse, asker: string, strings: UiStrings): void {
  const gloss = response.gloss ?? [];
  if (gloss.length === 0) return;
  const list = h('ul', { class: 'gloss-list' });
  for (const term of gloss) {
    const citation = response.citations.find((c) => c.id === term.citation);
    const source = h('bdi', { class: 'gloss-source' }, term.source);
    setDirection(source, citation?.language);
    if (citation) source.setAttribute('dir', citation.dir);
    const question = h('bdi', { class: 'gloss-question' }, term.question);
    setDirection(question, asker);
    append(list, h('li', {}, question, h('span', { class: 'gloss-arrow', 'aria-hidden': 'true' }, ' ↔ '), source));
  }
  const box = h('div', { class: 'gloss' }, h('p', { class: 'gloss-title' }, strings.keyTerms), list);
  setDirection(box, asker);
  append(container, box);
}
