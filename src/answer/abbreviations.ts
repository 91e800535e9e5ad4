/**
 * Abbreviations a document defines ("Amnesty International (AI)"), and a sentence with them spelled out for word
 * alignment: a later "AI Боқаев пен Аянды…" covers a question's "Amnesty International" only when read as the words
 * it stands for, since the model's token states do not align a short form with its long form.
 */

import type { SourceDocument } from '../corpus/types.js';

/** Short forms and their long forms, as a document defines them. */
export type Abbreviations = ReadonlyMap<string, string>;

/** The abbreviations the document of a file defines (none for an unknown file). */
export type AbbreviationsOf = (file: string) => Abbreviations;

/** A sentence with its short forms spelled out, and the way back to the sentence's own offsets. */
export interface ExpandedSentence {
  text: string;
  /** The span of the sentence that `[start, end)` of `text` stands for (a spelled-out word: its short form). */
  originalSpan(start: number, end: number): { start: number; end: number };
}

/** Most short forms kept for one document: the first defined; they are matched in every sentence quoted from it. */
const MAX_PER_DOCUMENT = 200;
const PARENTHESISED = /\(([^()]{1,120})\)/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Where a long form cannot reach back past: the end of the previous sentence or clause. */
const CLAUSE_END = /[.!?؟;:()«»"“”]/u;

/**
 * The short forms `text` defines, each with its long form, found the way of Schwartz and Hearst (2003, "A simple
 * algorithm for identifying abbreviation definitions in biomedical text"): "long form (SF)" or "SF (long form)",
 * where every character of the short form appears in the long form in order and its first starts a word. A short
 * form is 2–10 characters without spaces and holds a capital letter, so only cased scripts (Latin, Cyrillic) have them;
 * its long form is looked for among the short form's length + 5 words before it (the paper's min(|SF| + 5, 2|SF|) missed
 * Italian's articles and prepositions: "Organizzazione per la sicurezza e la cooperazione in Europa (OSCE)").
 * @example abbreviationsDefined('Amnesty International (AI) called.').get('AI') // 'Amnesty International'
 */
export function abbreviationsDefined(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(PARENTHESISED)) {
    const inner = match[1]!.split(/[;,]/u)[0]!.trim();
    const before = wordsBefore(text, match.index!);
    if (isShortForm(inner)) {
      const long = longFormOf(inner, before.slice(-(inner.length + 5)).join(' '));
      if (long && !found.has(inner)) found.set(inner, long);
    } else if (before.length && isShortForm(before.at(-1)!)) {
      const short = before.at(-1)!;
      const long = longFormOf(short, inner);
      if (long && !found.has(short)) found.set(short, long);
    }
  }
  return found;
}

const NONE: Abbreviations = new Map();
const byDocument = new WeakMap<SourceDocument, Abbreviations>();

/**
 * The abbreviations a loaded document defines (none for no document), read from its paragraphs on first use and
 * kept while the document is (a new index generation brings new document objects, read anew).
 * @example documentAbbreviations(index.documents.get('report.txt')).get('AI') // 'Amnesty International'
 */
export function documentAbbreviations(document: SourceDocument | undefined): Abbreviations {
  if (!document) return NONE;
  let defined = byDocument.get(document);
  if (!defined) {
    const found = new Map<string, string>();
    for (const paragraph of document.paragraphs) {
      for (const [short, long] of abbreviationsDefined(paragraph.text)) if (!found.has(short) && found.size < MAX_PER_DOCUMENT) found.set(short, long);
    }
    defined = found;
    byDocument.set(document, defined);
  }
  return defined;
}

/**
 * The sentence with each short form it uses written as its long form, unless the sentence holds the long form
 * already (it defines the short form, or says both); as it is without abbreviations.
 * @example expandAbbreviations('AI said so.', new Map([['AI', 'Amnesty International']])).text // 'Amnesty International said so.'
 */
export function expandAbbreviations(sentence: string, abbreviations: Abbreviations = NONE): ExpandedSentence {
  if (abbreviations.size === 0) return asWritten(sentence);
  const replaced: Array<{ start: number; end: number; long: string }> = [];
  const lower = sentence.toLowerCase();
  for (const m of sentence.matchAll(usesOf(abbreviations))) {
    const long = abbreviations.get(m[0])!;
    if (!lower.includes(long.toLowerCase())) replaced.push({ start: m.index!, end: m.index! + m[0].length, long });
  }
  if (replaced.length === 0) return asWritten(sentence);
  // Each replacement as where it sits in the expanded text, with the shift of what follows it.
  const pieces: Array<{ from: number; to: number; start: number; end: number; shift: number }> = [];
  let text = '';
  let at = 0;
  for (const r of replaced) {
    text += sentence.slice(at, r.start);
    const from = text.length;
    text += r.long;
    pieces.push({ from, to: text.length, start: r.start, end: r.end, shift: text.length - r.end });
    at = r.end;
  }
  text += sentence.slice(at);
  const original = (offset: number, isEnd: boolean) => {
    let shift = 0;
    for (const p of pieces) {
      if (offset < p.from || (isEnd && offset === p.from)) break;
      if (offset < p.to || (isEnd && offset === p.to)) return isEnd ? p.end : p.start;
      shift = p.shift;
    }
    return offset - shift;
  };
  return { text, originalSpan: (start, end) => ({ start: original(start, false), end: original(end, true) }) };
}

/** A sentence with nothing spelled out: its spans are its own. */
function asWritten(text: string): ExpandedSentence {
  return { text, originalSpan: (start, end) => ({ start, end }) };
}

function isShortForm(candidate: string): boolean {
  return candidate.length >= 2 && candidate.length <= 10 && !/\s/u.test(candidate) && LETTER_OR_DIGIT.test(candidate[0]!) && /\p{Lu}/u.test(candidate);
}

/** The words before `end` back to the start of its clause. */
function wordsBefore(text: string, end: number): string[] {
  const head = text.slice(Math.max(0, end - 200), end);
  let start = head.length;
  while (start > 0 && !CLAUSE_END.test(head[start - 1]!)) start -= 1;
  return head.slice(start).split(/\s+/u).filter(Boolean);
}

/**
 * The shortest end of `candidate` whose characters hold the short form's in order, matched from the last, the short
 * form's first character at a word's start (Schwartz and Hearst's `findBestLongForm`); none when it reaches no further
 * than one word or holds the short form itself.
 */
function longFormOf(short: string, candidate: string): string | undefined {
  const s = short.toLowerCase();
  const l = candidate.toLowerCase();
  let li = l.length - 1;
  for (let si = s.length - 1; si >= 0; si -= 1) {
    const c = s[si]!;
    if (!LETTER_OR_DIGIT.test(c)) continue;
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && LETTER_OR_DIGIT.test(l[li - 1]!)))) li -= 1;
    if (li < 0) return undefined;
    li -= 1;
  }
  const long = candidate.slice(candidate.lastIndexOf(' ', li) + 1).trim();
  const words = long.split(/\s+/u);
  if (words.length < 2 || long.length <= short.length || words.some((w) => w === short)) return undefined;
  return long;
}

const matchers = new WeakMap<Abbreviations, RegExp>();

/** One pattern for every short form as a whole word, longest first (a short form that holds another is matched whole). */
function usesOf(abbreviations: Abbreviations): RegExp {
  let matcher = matchers.get(abbreviations);
  if (!matcher) {
    const alternatives = [...abbreviations.keys()].sort((a, b) => b.length - a.length).map((short) => short.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
    matcher = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    matchers.set(abbreviations, matcher);
  }
  return matcher;
}
