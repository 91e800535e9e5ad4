/**
 * What the answer shows and the gate reads from word alignment: the learned gate's features, the highlighted words
 * inside the quoted sentences, and the gloss (question words ↔ the quote's aligned words).
 */
import type { Script } from '../corpus/letter-scripts.js';
import type { DetectedLanguage, Language } from '../corpus/types.js';
import type { SearchHit } from '../retrieval/types.js';
import type { RankedSentence } from './rank-sentences.js';
import type { GateFeatures } from './support-gate.js';
import type { Citation, GlossTerm, QuoteSpan } from './types.js';

/** Question words asking for a number or a date, in the four languages (how many/much, when, what year or years, rank). */
const ASKS_FOR_NUMBER = /\b(?:how (?:many|much|long|old)|when|(?:what|which) years?|quant[iaeo]|quando|(?:in )?che anno|(?:in )?quali anni)\b|(?:^|\s)(?:كم|متى|(?:في )?أي (?:عام|سنة|سنوات|الأعوام|السنوات))(?:\s|$)|(?:қанша|қашан|неше|нешінші|қай жыл)/iu;
const HAS_NUMBER = /\p{N}/u;
/** The script each language is written in here (Kazakh in Cyrillic). */
const SCRIPT_OF: Record<Language, Script> = { ar: 'arabic', en: 'latin', it: 'latin', kk: 'cyrillic' };

/** Most gloss terms shown: the key terms, not a word-by-word translation. */
const MAX_GLOSS_TERMS = 5;
/** Aligned words this far apart (in characters) are glossed as one phrase. */
const PHRASE_GAP = 2;

/**
 * The learned gate's features for quoting the first-ranked sentence, judged against the other passages: its
 * passage's best similarity and evidence, how far that passage and the sentence's alignment stand above the other
 * passages', and the sentence's alignment and answer type.
 * @example gateFeaturesOf('Who won?', ranked, hits, 'en', true).alignment // 0.75
 */
export function gateFeaturesOf(question: string, ranked: readonly RankedSentence[], hits: readonly SearchHit[], language: DetectedLanguage, passageSharesName: boolean): GateFeatures {
  const best = ranked[0]!;
  const mine = ranked.filter((s) => s.hitIndex === best.hitIndex);
  // Rivals in the quote's language: the model scores text in the question's language higher, so against a rival in
  // another language a margin measured that offset as much as how far the quote stands out (all others when none is).
  const passageLanguage = hits[best.hitIndex]!.chunk.language;
  const allOthers = ranked.filter((s) => s.hitIndex !== best.hitIndex);
  const sameLanguageOthers = allOthers.filter((s) => hits[s.hitIndex]!.chunk.language === passageLanguage);
  const others = sameLanguageOthers.length ? sameLanguageOthers : allOthers;
  const highest = (sentences: readonly RankedSentence[], value: (s: RankedSentence) => number) => Math.max(0, ...sentences.map(value));
  const similarity = highest(mine, (s) => s.similarity ?? 0);
  const soft = best.alignment?.softCoverage ?? 0;
  const otherHits = hits.filter((_, i) => i !== best.hitIndex);
  const crossLingual = passageLanguage !== language && passageLanguage !== 'other' && language !== 'other';
  return {
    similarity,
    similarityMargin: others.length ? similarity - highest(others, (s) => s.similarity ?? 0) : 0,
    evidence: highest(mine, (s) => s.evidence),
    alignment: best.alignment?.coverage ?? 0,
    softAlignment: soft,
    softAlignmentMargin: others.length ? soft - highest(others, (s) => s.alignment?.softCoverage ?? 0) : 0,
    sharesName: passageSharesName ? 1 : 0,
    crossLingual: crossLingual ? 1 : 0,
    sameScript: crossLingual && SCRIPT_OF[passageLanguage] === SCRIPT_OF[language] ? 1 : 0,
    answerType: answerTypeMatch(question, best.text),
    topPassage: best.hitIndex === 0 ? 1 : 0,
    retrievalMargin: otherHits.length ? hits[best.hitIndex]!.score - Math.max(...otherHits.map((h) => h.score)) : 0,
    questionWords: Math.log1p(best.alignment?.questionWords ?? 0),
  };
}

/** 1 when a question asking for a number or date meets a sentence holding one, -1 when not, 0 for other questions. */
export function answerTypeMatch(question: string, sentence: string): number {
  if (!ASKS_FOR_NUMBER.test(question)) return 0;
  return HAS_NUMBER.test(sentence) ? 1 : -1;
}

/** Aligned words of a quoted sentence as spans within its citation's paragraph, merged when adjacent. */
export function highlightSpans(sentence: RankedSentence, citation: Citation): QuoteSpan[] {
  const words = (sentence.alignment?.links ?? []).flatMap((l) => l.sentence).sort((a, b) => a.start - b.start);
  const spans: QuoteSpan[] = [];
  for (const w of words) {
    const start = citation.start + sentence.start + w.start;
    const end = citation.start + sentence.start + w.end;
    const last = spans.at(-1);
    if (last && start - last.end <= PHRASE_GAP && /^\s*$/u.test(citation.text.slice(last.end - citation.start, start - citation.start))) last.end = Math.max(last.end, end);
    else if (!last || start >= last.end) spans.push({ start, end });
  }
  return spans;
}

/**
 * The question's aligned content words beside the quote's words, from the first quoted sentence in another
 * language than the question (a reader of the question's language needs no gloss of their own language).
 */
export function glossTerms(question: string, language: DetectedLanguage, quoted: readonly RankedSentence[], hits: readonly SearchHit[]): GlossTerm[] {
  const sentence = quoted.find((s) => s.alignment && hits[s.hitIndex]!.chunk.language !== language);
  if (!sentence?.alignment) return [];
  return [...sentence.alignment.links]
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, MAX_GLOSS_TERMS)
    .sort((a, b) => a.question.start - b.question.start)
    .map((link) => {
      const first = link.sentence[0]!;
      const last = link.sentence.at(-1)!;
      const contiguous = /^[^.!?؟;]*$/u.test(sentence.text.slice(first.end, last.start)) && last.start - first.end <= 20;
      const source = contiguous ? sentence.text.slice(first.start, last.end) : link.sentence.map((w) => sentence.text.slice(w.start, w.end)).join(' … ');
      return { question: question.slice(link.question.start, link.question.end), source, citation: sentence.hitIndex + 1 };
    });
}
