/** The extractive answerer: the best 1–3 sentences of the retrieved passages, verbatim, each followed by its [n]. */
import type { Chunk } from '../chunking/types.js';
import type { DetectedLanguage } from '../corpus/types.js';
import { analyzeText, phoneticTerms } from '../index/analyzer.js';
import { boundedTextMemo, type TextMemoBounds } from '../index/bounded-memo.js';
import type { SearchHit } from '../retrieval/types.js';
import { gateFeaturesOf, glossTerms, highlightSpans } from './alignment-evidence.js';
import { expandAbbreviations, type AbbreviationsOf, type ExpandedSentence } from './abbreviations.js';
import { buildCitations } from './citations.js';
import { endsWithColon, type ListItemsAfter } from './list-items.js';
import { defaultGroundingThresholds, judgeSupport, type GroundingThresholds, type SupportSignals } from './grounding.js';
import { messagesFor } from './messages.js';
import { withQuotes } from './quote-spans.js';
import { rankSentences, type AnalyzeText, type RankedSentence } from './rank-sentences.js';
import type { AlignSentences } from './sentence-aligner.js';
import type { ScoreSentences } from './sentence-similarity.js';
import { defaultGateModel, gateSupport, type GateFeatures, type GateModel } from './support-gate.js';
import type { SentenceAlignment } from './word-alignment.js';
import { splitSentences } from './sentences.js';
import type { AnswerEvent, AnswerInput, AnswerResult, Answerer } from './types.js';
import { widenHits, type ParagraphOf } from './widen-hits.js';

export interface ExtractiveOptions extends GroundingThresholds {
  /** Tokeniser shared with the lexical index, so question and passages are stemmed alike. */
  analyze: AnalyzeText;
  /** Most sentences quoted in one answer. */
  maxSentences: number;
  /** Further sentences are quoted only while the quoted text stays within this many characters. */
  maxAnswerChars: number;
  /** Sentence similarity by meaning (the embedding model); without it sentences are chosen by their words. */
  scoreSentences?: ScoreSentences;
  /** The list items after a passage ending in ":" (the index's paragraphs); without it such a sentence is quoted alone. */
  listItemsAfter?: ListItemsAfter;
  /** Word alignment through the model's token states; with it and `scoreSentences`, the learned gate decides. */
  alignSentences?: AlignSentences;
  /** The learned gate (gate-weights.json unless given). */
  gate: GateModel;
  /** The paragraph of a hit (the index's documents): sentences are chosen from it around the chunk, not the chunk alone. */
  paragraphOf?: ParagraphOf;
  /** Most characters of a paragraph read around a hit's chunk. */
  maxPassageChars: number;
  /** The short forms a hit's document defines (the index's documents): word alignment reads them spelled out. */
  abbreviationsOf?: AbbreviationsOf;
}

/** What the answerer looked up before composing: sentence similarities by text, list items by chunk id. */
export interface AnswerContext {
  similarities?: ReadonlyMap<string, number>;
  alignments?: ReadonlyMap<string, SentenceAlignment>;
  listItems?: ReadonlyMap<string, Chunk[]>;
}

export const defaultExtractiveOptions: ExtractiveOptions = {
  ...defaultGroundingThresholds,
  analyze: analyzeText,
  maxSentences: 3,
  maxAnswerChars: 600,
  gate: defaultGateModel,
  maxPassageChars: 1200,
};

/** An extractive answer: the pieces it is streamed in, the result, and what the support was judged on. */
export interface ExtractiveComposition {
  pieces: string[];
  result: AnswerResult;
  signals: SupportSignals;
  /** The learned gate's inputs, when the model's signals were there. */
  features?: GateFeatures;
}

/** A further sentence is quoted only if it scores at least this share of the best sentence's score. */
const RELATIVE_SCORE_FLOOR = 0.6;
/** A name or a number as the question writes it: a capitalised word after the first, or any word with a digit. */
const NAME_OR_NUMBER = /^(?:\p{Lu}|.*\p{N})/u;
const WORDS = new Intl.Segmenter('und', { granularity: 'word' });
/** Two sentences sharing this share of their terms (Jaccard) say the same thing: the second is not quoted. */
const NEAR_DUPLICATE = 0.8;
/**
 * What is remembered of candidate sentences (their terms, their names' phonetic keys) across questions: ~1.7 MB and
 * ~0.3 MB when full, the texts included; a longer "sentence" (unsplit text) is analysed every time.
 */
const SENTENCE_MEMO: TextMemoBounds = { maxChars: 500_000, maxLength: 1_000 };

/**
 * The answer as the pieces it is streamed in (they concatenate to `result.answer`), plus the final result.
 * Pure: depends only on its input, options and what the answerer looked up (`context`).
 * @example composeExtractiveAnswer({ question, language: 'it', hits }, defaultExtractiveOptions).result.answer
 */
export function composeExtractiveAnswer(input: AnswerInput, options: ExtractiveOptions, context: AnswerContext = {}): ExtractiveComposition {
  const { similarities, alignments } = context;
  const messages = messagesFor(input.language);
  const ranked = rankSentences(input.question, input.language, input.hits, options.analyze, similarities, alignments);
  const names = nameTerms(input.question, input, options.analyze);
  const sharesName = (s: RankedSentence) => s.matchedTerms.some((t) => names.has(t)) || sharesPhoneticKey(s.text, input.hits[s.hitIndex]!.chunk.language, names);
  // The first-ranked sentence's passage first: its answer decides the learned gate, and a match there ends the search.
  const passageSharesName = ranked.some((s) => s.hitIndex === ranked[0]!.hitIndex && sharesName(s));
  const signals: SupportSignals = {
    bestEvidence: Math.max(0, ...ranked.map((s) => s.evidence)),
    bestSentenceSimilarity: similarities && ranked.length ? Math.max(...ranked.map((s) => s.similarity ?? -1)) : undefined,
    sharesName: passageSharesName || ranked.some(sharesName),
  };
  // The learned gate needs the model's signals; without them (lexical mode) the hand-set rule decides.
  const features = similarities && alignments && ranked.length ? gateFeaturesOf(input.question, ranked, input.hits, input.language, passageSharesName) : undefined;
  const support = ranked.length === 0 ? 'none' : features ? gateSupport(features, options.gate) : judgeSupport(signals, input.hits, options);

  // "Possibly relevant" quotes as much as an answer would: the reader judges, and the right sentence is often not the first.
  const chosen = support === 'none' ? [] : selectSentences(ranked, input.hits, options);
  const { hits, quoted } = withListItems(input.hits, chosen, context.listItems);
  const citations = buildCitations(hits);
  const quote = (s: QuotedSentence) => ` ${s.text} [${s.hitIndex + 1}]`;
  const pieces =
    support === 'answered'
      ? [messages.excerptsIntro, ...quoted.map(quote)]
      : support === 'possible'
        ? [messages.possiblyRelevant(commonLanguage(chosen.map((s) => input.hits[s.hitIndex]!.chunk.language))), ...quoted.map(quote)]
        : [messages.noAnswer, ...(citations.length > 0 ? [` ${messages.nearestPassages}`] : [])];
  const withSpans = withQuotes(citations, quoted).map((citation, i) => {
    const highlights = chosen.filter((s) => s.hitIndex === i).flatMap((s) => highlightSpans(s, citation));
    return alignments ? { ...citation, highlights } : citation;
  });
  const gloss = alignments ? { gloss: glossTerms(input.question, input.language, chosen, input.hits) } : {};
  const result = { answer: pieces.join(''), citations: withSpans, grounded: support === 'answered', support, ...gloss, warnings: [] };
  return { pieces, result, signals, features };
}

/** The one language of all the quoted passages, or `other` when they differ. */
function commonLanguage(languages: readonly DetectedLanguage[]): DetectedLanguage {
  return languages.every((l) => l === languages[0]) ? (languages[0] ?? 'other') : 'other';
}

type QuotedSentence = Pick<RankedSentence, 'text' | 'start' | 'end' | 'hitIndex'>;

/**
 * The chosen sentences, each one that ends its passage with ":" followed by the list items after it (cited as
 * passages of their own, appended to the hits unless already among them).
 */
function withListItems(
  hits: readonly SearchHit[],
  chosen: readonly RankedSentence[],
  listItems: ReadonlyMap<string, Chunk[]> | undefined,
): { hits: SearchHit[]; quoted: QuotedSentence[] } {
  const all = [...hits];
  const quoted: QuotedSentence[] = [];
  for (const sentence of chosen) {
    quoted.push(sentence);
    const { chunk, score, title } = hits[sentence.hitIndex]!;
    const items = endsWithColon(sentence.text) && chunk.text.trimEnd().length === sentence.end ? (listItems?.get(chunk.id) ?? []) : [];
    for (const item of items) {
      let hitIndex = all.findIndex((h) => h.chunk.id === item.id);
      if (hitIndex < 0) hitIndex = all.push({ chunk: item, score, ...(title !== undefined && { title }) }) - 1; // same document
      if (quoted.some((q) => q.hitIndex === hitIndex)) continue;
      quoted.push(...splitSentences(item.text).map((s) => ({ ...s, hitIndex })));
    }
  }
  return { hits: all, quoted };
}

/** The analyzer's terms and the cross-script phonetic keys (`~…`) of the question's names and numbers. */
function nameTerms(question: string, input: AnswerInput, analyze: AnalyzeText): Set<string> {
  const words = [...WORDS.segment(question)].filter((s) => s.isWordLike).map((s) => s.segment);
  const names = words.filter((w, i) => (i > 0 && NAME_OR_NUMBER.test(w)) || /\p{N}/u.test(w));
  return new Set(names.flatMap((w) => [...analyze(w, input.language), ...phoneticTerms(w, input.language)]));
}

/** Whether a sentence holds one of the names by its phonetic key (a name written in another script). */
function sharesPhoneticKey(text: string, language: AnswerInput['language'], names: ReadonlySet<string>): boolean {
  return nameKeysOf(text, language).some((key) => names.has(key));
}

/**
 * The phonetic keys of a sentence's words that can be names: capitalised ones in a script with case (a key like
 * "sbr" would otherwise meet "esperimento"); every word in a script without case (Arabic). Remembered by sentence.
 */
const nameKeysOf = boundedTextMemo((text: string, language?: AnswerInput['language']): readonly string[] => {
  const nameLike = [...WORDS.segment(text)].filter((s) => s.isWordLike && (/^\p{Lu}/u.test(s.segment) || !/[\p{Lu}\p{Ll}]/u.test(s.segment[0]!)));
  return [...new Set(nameLike.flatMap((word) => phoneticTerms(word.segment, language)))];
}, SENTENCE_MEMO);

/**
 * The best sentence, then up to `maxSentences - 1` more that score nearly as well and fit the length budget.
 * A sentence nearly the same as one chosen (another document repeating the news) is left out.
 */
function selectSentences(ranked: RankedSentence[], hits: readonly SearchHit[], options: ExtractiveOptions): RankedSentence[] {
  const [best] = ranked;
  const languageOf = (s: RankedSentence) => hits[s.hitIndex]!.chunk.language;
  const termsOf = (s: RankedSentence) => new Set(options.analyze(s.text, hits[s.hitIndex]!.chunk.language));
  const chosen = [{ sentence: best, terms: termsOf(best) }];
  let length = best.text.length;
  for (const sentence of ranked.slice(1)) {
    if (chosen.length >= options.maxSentences || sentence.score < RELATIVE_SCORE_FLOOR * best.score) break;
    // A sentence sharing no term adds nothing once the best one does.
    if (best.coverage > 0 && sentence.coverage === 0 && sentence.similarity === undefined) continue;
    // Another passage is quoted only in the best sentence's language and when it shares the question's terms itself.
    if (sentence.hitIndex !== best.hitIndex && (languageOf(sentence) !== languageOf(best) || sentence.evidence === 0)) continue;
    if (length + sentence.text.length > options.maxAnswerChars) continue;
    const terms = termsOf(sentence);
    if (chosen.some((c) => c.sentence.text === sentence.text || jaccard(c.terms, terms) >= NEAR_DUPLICATE)) continue;
    chosen.push({ sentence, terms });
    length += sentence.text.length;
  }
  return chosen.map((c) => c.sentence);
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** The similarity of every distinct sentence of the hits to the question, by sentence text. */
export async function sentenceSimilarities(input: AnswerInput, score: ScoreSentences): Promise<Map<string, number>> {
  const texts = [...new Set(input.hits.flatMap((h) => splitSentences(h.chunk.text).map((s) => s.text)))];
  const values = await score(input.question, texts);
  return new Map(texts.map((t, i) => [t, values[i]!]));
}

/**
 * The word alignment of the question with every distinct sentence of the hits, by sentence text. With
 * `abbreviationsOf`, a sentence is aligned with the short forms its document defines spelled out, and its links point
 * back into the sentence as written (a spelled-out word at its short form).
 */
export async function sentenceAlignments(input: AnswerInput, align: AlignSentences, abbreviationsOf?: AbbreviationsOf): Promise<Map<string, SentenceAlignment>> {
  const expanded = new Map<string, ExpandedSentence>();
  for (const hit of input.hits) {
    const defined = abbreviationsOf?.(hit.chunk.file);
    for (const { text } of splitSentences(hit.chunk.text)) {
      if (!expanded.has(text)) expanded.set(text, expandAbbreviations(text, defined));
    }
  }
  const sentences = [...expanded];
  const values = await align(input.question, input.language, sentences.map(([, e]) => e.text));
  return new Map(sentences.map(([text, e], i) => [text, e.text === text ? values[i]! : inSentenceAsWritten(values[i]!, e)]));
}

/** An alignment with an expanded sentence, its sentence words as spans of the sentence as written. */
function inSentenceAsWritten(alignment: SentenceAlignment, expanded: ExpandedSentence): SentenceAlignment {
  const links = alignment.links.map((link) => ({ ...link, sentence: link.sentence.map((w) => ({ ...w, ...expanded.originalSpan(w.start, w.end) })) }));
  return { ...alignment, links };
}

/** The list items after each hit that ends in ":", by chunk id. */
function listItemsOf(hits: readonly SearchHit[], lookup: ListItemsAfter | undefined): Map<string, Chunk[]> | undefined {
  if (!lookup) return undefined;
  return new Map(hits.flatMap(({ chunk }) => {
    const items = endsWithColon(chunk.text) ? lookup(chunk) : [];
    return items.length ? [[chunk.id, items] as const] : [];
  }));
}

/**
 * Reads what an extractive answer needs (paragraphs around the hits, sentence similarities, alignments, list items)
 * and composes it: the answerer's work, with the gate's inputs kept (`npm run eval:gate` trains on them).
 * @example const compose = createExtractiveComposer({ scoreSentences, alignSentences }); (await compose(input)).features
 */
export function createExtractiveComposer(options: Partial<ExtractiveOptions> = {}): (input: AnswerInput) => Promise<ExtractiveComposition> {
  const given: ExtractiveOptions = { ...defaultExtractiveOptions, ...options };
  // Candidate sentences recur across questions: their terms are remembered for this composer's lifetime.
  const settings: ExtractiveOptions = { ...given, analyze: boundedTextMemo(given.analyze, SENTENCE_MEMO) };
  return async (asked) => {
    const input = settings.paragraphOf ? { ...asked, hits: widenHits(asked.hits, settings.paragraphOf, settings.maxPassageChars) } : asked;
    const similarities = settings.scoreSentences && input.hits.length ? await sentenceSimilarities(input, settings.scoreSentences) : undefined;
    const alignments = settings.alignSentences && input.hits.length ? await sentenceAlignments(input, settings.alignSentences, settings.abbreviationsOf) : undefined;
    return composeExtractiveAnswer(input, settings, { similarities, alignments, listItems: listItemsOf(input.hits, settings.listItemsAfter) });
  };
}

/**
 * Creates the default answerer, which needs no language model (an embedding model, when given, scores sentences).
 * Its stream yields the framing words and then one delta per quoted sentence, then the result.
 * @example const answerer = createExtractiveAnswerer(); await answerer.answer({ question, language: 'en', hits });
 */
export function createExtractiveAnswerer(options: Partial<ExtractiveOptions> = {}): Answerer {
  const compose = createExtractiveComposer(options);
  return {
    async answer(input: AnswerInput, signal?: AbortSignal): Promise<AnswerResult> {
      signal?.throwIfAborted();
      return (await compose(input)).result;
    },
    async *stream(input: AnswerInput, signal?: AbortSignal): AsyncIterable<AnswerEvent> {
      signal?.throwIfAborted();
      const { pieces, result } = await compose(input);
      for (const text of pieces) yield { type: 'delta', text };
      yield { type: 'result', result };
    },
  };
}
