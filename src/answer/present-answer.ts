/**
 * How an answer is shown: a lead line in the asker's language, then each verbatim quote on a line of its own with its
 * [n], and citations numbered in the order the answer first cites them. Applied once to an answerer's result.
 */
import { shortTitle } from '../corpus/document-title.js';
import type { DetectedLanguage } from '../corpus/types.js';
import { leadLine, type LeadPlace } from './lead-messages.js';
import { messagesFor } from './messages.js';
import { textDirection } from './text-direction.js';
import type { AnswerResult, Citation } from './types.js';

/** An answer as it is shown: `lead` and every citation's `dir` filled, `gloss` always an array. */
export type PresentedAnswer = AnswerResult & { lead: string; gloss: NonNullable<AnswerResult['gloss']>; citations: PresentedCitation[] };
export type PresentedCitation = Citation & { dir: 'ltr' | 'rtl' };

/** A run of citation markers such as ` [2][1]`, with the spaces before it. */
const MARKER_RUN = /(?:\s*\[\d+\])+/g;
const MARKER = /\[(\d+)\]/g;
/** A title longer than this is shortened in the lead line (the citation keeps it whole). */
const LEAD_TITLE_CHARS = 48;

/**
 * The result renumbered, laid out and led. Pure and idempotent.
 * @example presentAnswer(await answerer.answer(input), input.language).lead // 'Found in paragraph 4 of “…” (Arabic):'
 */
export function presentAnswer(result: AnswerResult, asker: DetectedLanguage): PresentedAnswer {
  const { answer, citations, gloss } = renumber(result);
  const cited = citedIds(answer).map((id) => citations.find((c) => c.id === id)!);
  const lead = leadLine(result.support, asker, placesOf(cited), cited.map((c) => c.language));
  return {
    ...result,
    answer: layOut(answer, lead, result.support, citations, asker),
    citations,
    lead,
    gloss,
  };
}

/** Citation ids in the order the answer first cites them (ids only of `[n]` markers). */
export function citedIds(answer: string): number[] {
  const ids: number[] = [];
  for (const match of answer.matchAll(MARKER)) {
    const id = Number(match[1]);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Cited citations first, numbered 1, 2, … as the answer first cites them; the others after, in their order. */
function renumber(result: AnswerResult): Pick<PresentedAnswer, 'answer' | 'citations' | 'gloss'> {
  const known = new Set(result.citations.map((c) => c.id));
  const order = [...citedIds(result.answer).filter((id) => known.has(id)), ...result.citations.map((c) => c.id)];
  const newId = new Map<number, number>();
  for (const id of order) if (!newId.has(id)) newId.set(id, newId.size + 1);
  const citations = result.citations
    .map((c) => ({ ...c, id: newId.get(c.id)!, dir: c.dir ?? textDirection(c.language, c.text) }))
    .sort((a, b) => a.id - b.id);
  const answer = result.answer.replace(MARKER, (marker, id: string) => (newId.has(Number(id)) ? `[${newId.get(Number(id))}]` : marker));
  const gloss = (result.gloss ?? []).filter((g) => newId.has(g.citation)).map((g) => ({ ...g, citation: newId.get(g.citation)! }));
  return { answer, citations, gloss };
}

/** The documents and paragraphs the answer quotes, grouped by file in the order they are first cited. */
function placesOf(cited: readonly Citation[]): LeadPlace[] {
  const byFile = new Map<string, LeadPlace>();
  for (const c of cited) {
    const place = byFile.get(c.file) ?? { title: shortTitle(c.title, LEAD_TITLE_CHARS), paragraphs: [] };
    if (!place.paragraphs.includes(c.paragraph)) place.paragraphs.push(c.paragraph);
    byFile.set(c.file, place);
  }
  return [...byFile.values()];
}

/**
 * The lead, then the body. An answer made of verbatim quotes (the extractive answerer's) becomes one line per
 * quote with its markers, its framing words replaced by the lead; any other answer (a language model's) keeps its
 * text under the lead. "Not found" keeps the sentence that the nearest passages follow.
 */
function layOut(answer: string, lead: string, support: AnswerResult['support'], citations: readonly Citation[], asker: DetectedLanguage): string {
  if (support === 'none') {
    return citations.length > 0 ? `${lead}\n${messagesFor(asker).nearestPassages}` : lead;
  }
  const body = answer.startsWith(`${lead}\n`) ? answer.slice(lead.length + 1) : answer;
  const lines = quoteLines(body, citations);
  return [lead, ...(lines ?? [body.trim()])].join('\n');
}

/** One line per quoted sentence (`sentence [n]`), or undefined when the text is not made of verbatim quotes alone. */
function quoteLines(text: string, citations: readonly Citation[]): string[] | undefined {
  const lines: string[] = [];
  let from = 0;
  for (const run of text.matchAll(MARKER_RUN)) {
    const before = text.slice(from, run.index).trim();
    const markers = run[0].trim();
    const quotes = citedIds(markers).flatMap((id) => quotedTexts(citations.find((c) => c.id === id)));
    const quote = quotes.filter((q) => before.endsWith(q)).sort((a, b) => b.length - a.length)[0];
    // Framing words may stand only before the first quote (they are what the lead replaces).
    if (quote === undefined || (lines.length > 0 && before !== quote)) return undefined;
    lines.push(`${quote} ${markers}`);
    from = run.index! + run[0].length;
  }
  return lines.length > 0 && text.slice(from).trim() === '' ? lines : undefined;
}

/** The sentences quoted from a citation, as text. */
function quotedTexts(citation: Citation | undefined): string[] {
  if (!citation) return [];
  return citation.quotes.map((q) => citation.text.slice(q.start - citation.start, q.end - citation.start));
}
