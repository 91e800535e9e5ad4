/** The extractive answerer: the best 1–3 sentences of the retrieved passages, verbatim, each followed by its [n]. */
import { analyzeText, phoneticTerms } from '../index/analyzer.js';
import { buildCitations } from './citations.js';
import { defaultGroundingThresholds, judgeSupport, type GroundingThresholds, type SupportSignals } from './grounding.js';
import { messagesFor } from './messages.js';
import { withQuotes } from './quote-spans.js';
import { rankSentences, type AnalyzeText, type RankedSentence } from './rank-sentences.js';
import type { ScoreSentences } from './sentence-similarity.js';
import { splitSentences } from './sentences.js';
import type { AnswerEvent, AnswerInput, AnswerResult, Answerer } from './types.js';

export interface ExtractiveOptions extends GroundingThresholds {
  /** Tokeniser shared with the lexical index, so question and passages are stemmed alike. */
  analyze: AnalyzeText;
  /** Most sentences quoted in one answer. */
  maxSentences: number;
  /** Further sentences are quoted only while the quoted text stays within this many characters. */
  maxAnswerChars: number;
  /** Sentence similarity by meaning (the embedding model); without it sentences are chosen by their words. */
  scoreSentences?: ScoreSentences;
}

export const defaultExtractiveOptions: ExtractiveOptions = {
  ...defaultGroundingThresholds,
  analyze: analyzeText,
  maxSentences: 3,
  maxAnswerChars: 600,
};

/** A further sentence is quoted only if it scores at least this share of the best sentence's score. */
const RELATIVE_SCORE_FLOOR = 0.6;
/** A name or a number as the question writes it: a capitalised word after the first, or any word with a digit. */
const NAME_OR_NUMBER = /^(?:\p{Lu}|.*\p{N})/u;
const WORDS = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * The answer as the pieces it is streamed in (they concatenate to `result.answer`), plus the final result.
 * Pure: depends only on its input, options and the sentences' similarities (by text) when a model scored them.
 * @example composeExtractiveAnswer({ question, language: 'it', hits }, defaultExtractiveOptions).result.answer
 */
export function composeExtractiveAnswer(
  input: AnswerInput,
  options: ExtractiveOptions,
  similarities?: ReadonlyMap<string, number>,
): { pieces: string[]; result: AnswerResult; signals: SupportSignals } {
  const messages = messagesFor(input.language);
  const citations = buildCitations(input.hits);
  const ranked = rankSentences(input.question, input.language, input.hits, options.analyze, similarities);
  const names = nameTerms(input.question, input, options.analyze);
  const signals: SupportSignals = {
    bestEvidence: Math.max(0, ...ranked.map((s) => s.evidence)),
    bestSentenceSimilarity: similarities && ranked.length ? Math.max(...ranked.map((s) => s.similarity ?? -1)) : undefined,
    sharesName: ranked.some((s) => s.matchedTerms.some((t) => names.has(t)) || sharesPhoneticKey(s.text, input.hits[s.hitIndex]!.chunk.language, names)),
  };
  const support = ranked.length === 0 ? 'none' : judgeSupport(signals, input.hits, options);

  const quote = (s: RankedSentence) => ` ${s.text} [${s.hitIndex + 1}]`;
  const best = ranked[0];
  const chosen = support === 'answered' ? selectSentences(ranked, options) : support === 'possible' && best ? [best] : [];
  const pieces =
    support === 'answered'
      ? [messages.excerptsIntro, ...chosen.map(quote)]
      : support === 'possible' && best
        ? [messages.possiblyRelevant(input.hits[best.hitIndex]!.chunk.language), quote(best)]
        : [messages.noAnswer, ...(citations.length > 0 ? [` ${messages.nearestPassages}`] : [])];
  const result = { answer: pieces.join(''), citations: withQuotes(citations, chosen), grounded: support === 'answered', support, warnings: [] };
  return { pieces, result, signals };
}

/** The analyzer's terms and the cross-script phonetic keys (`~…`) of the question's names and numbers. */
function nameTerms(question: string, input: AnswerInput, analyze: AnalyzeText): Set<string> {
  const words = [...WORDS.segment(question)].filter((s) => s.isWordLike).map((s) => s.segment);
  const names = words.filter((w, i) => (i > 0 && NAME_OR_NUMBER.test(w)) || /\p{N}/u.test(w));
  return new Set(names.flatMap((w) => [...analyze(w, input.language), ...phoneticTerms(w, input.language)]));
}

/** Whether a sentence holds one of the names by its phonetic key (a name written in another script). */
function sharesPhoneticKey(text: string, language: AnswerInput['language'], names: ReadonlySet<string>): boolean {
  return phoneticTerms(text, language).some((key) => names.has(key));
}

/** The best sentence, then up to `maxSentences - 1` more that score nearly as well and fit the length budget. */
function selectSentences(ranked: RankedSentence[], options: ExtractiveOptions): RankedSentence[] {
  const [best] = ranked;
  const chosen = [best];
  let length = best.text.length;
  for (const sentence of ranked.slice(1)) {
    if (chosen.length >= options.maxSentences || sentence.score < RELATIVE_SCORE_FLOOR * best.score) break;
    // Overlapping chunks repeat sentences; a sentence sharing no term adds nothing once the best one does.
    if (chosen.some((c) => c.text === sentence.text)) continue;
    if (best.coverage > 0 && sentence.coverage === 0 && sentence.similarity === undefined) continue;
    if (length + sentence.text.length > options.maxAnswerChars) continue;
    chosen.push(sentence);
    length += sentence.text.length;
  }
  return chosen;
}

/** The similarity of every distinct sentence of the hits to the question, by sentence text. */
export async function sentenceSimilarities(input: AnswerInput, score: ScoreSentences): Promise<Map<string, number>> {
  const texts = [...new Set(input.hits.flatMap((h) => splitSentences(h.chunk.text).map((s) => s.text)))];
  const values = await score(input.question, texts);
  return new Map(texts.map((t, i) => [t, values[i]!]));
}

/**
 * Creates the default answerer, which needs no language model (an embedding model, when given, scores sentences).
 * Its stream yields the framing words and then one delta per quoted sentence, then the result.
 * @example const answerer = createExtractiveAnswerer(); await answerer.answer({ question, language: 'en', hits });
 */
export function createExtractiveAnswerer(options: Partial<ExtractiveOptions> = {}): Answerer {
  const settings: ExtractiveOptions = { ...defaultExtractiveOptions, ...options };
  const compose = async (input: AnswerInput) => {
    const similarities = settings.scoreSentences && input.hits.length ? await sentenceSimilarities(input, settings.scoreSentences) : undefined;
    return composeExtractiveAnswer(input, settings, similarities);
  };

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
