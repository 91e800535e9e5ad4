/** The extractive answerer: the best 1–3 sentences of the retrieved passages, verbatim, each followed by its [n]. */
import { analyzeText } from '../index/analyzer.js';
import { buildCitations } from './citations.js';
import { defaultGroundingThresholds, isGrounded, type GroundingThresholds } from './grounding.js';
import { messagesFor } from './messages.js';
import { withQuotes } from './quote-spans.js';
import { rankSentences, type AnalyzeText, type RankedSentence } from './rank-sentences.js';
import type { AnswerEvent, AnswerInput, AnswerResult, Answerer } from './types.js';

export interface ExtractiveOptions extends GroundingThresholds {
  /** Tokeniser shared with the lexical index, so question and passages are stemmed alike. */
  analyze: AnalyzeText;
  /** Most sentences quoted in one answer. */
  maxSentences: number;
  /** Further sentences are quoted only while the quoted text stays within this many characters. */
  maxAnswerChars: number;
}

export const defaultExtractiveOptions: ExtractiveOptions = {
  ...defaultGroundingThresholds,
  analyze: analyzeText,
  maxSentences: 3,
  maxAnswerChars: 600,
};

/** A further sentence is quoted only if it scores at least this share of the best sentence's score. */
const RELATIVE_SCORE_FLOOR = 0.6;

/**
 * The answer as the pieces it is streamed in (they concatenate to `result.answer`), plus the final result.
 * Pure: depends only on its input and options.
 * @example composeExtractiveAnswer({ question, language: 'it', hits }, defaultExtractiveOptions).result.answer
 */
export function composeExtractiveAnswer(
  input: AnswerInput,
  options: ExtractiveOptions,
): { pieces: string[]; result: AnswerResult } {
  const messages = messagesFor(input.language);
  const citations = buildCitations(input.hits);
  const ranked = rankSentences(input.question, input.language, input.hits, options.analyze);
  const bestEvidence = ranked.reduce((best, s) => Math.max(best, s.evidence), 0);
  const grounded = ranked.length > 0 && isGrounded(bestEvidence, input.hits, options);

  const chosen = grounded ? selectSentences(ranked, options) : [];
  const pieces = grounded
    ? [messages.excerptsIntro, ...chosen.map((s) => ` ${s.text} [${s.hitIndex + 1}]`)]
    : [messages.noAnswer, ...(citations.length > 0 ? [` ${messages.nearestPassages}`] : [])];
  return { pieces, result: { answer: pieces.join(''), citations: withQuotes(citations, chosen), grounded, warnings: [] } };
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
    if (best.coverage > 0 && sentence.coverage === 0) continue;
    if (length + sentence.text.length > options.maxAnswerChars) continue;
    chosen.push(sentence);
    length += sentence.text.length;
  }
  return chosen;
}

/**
 * Creates the default answerer, which needs no language model.
 * Its stream yields the framing words and then one delta per quoted sentence, then the result.
 * @example const answerer = createExtractiveAnswerer(); await answerer.answer({ question, language: 'en', hits });
 */
export function createExtractiveAnswerer(options: Partial<ExtractiveOptions> = {}): Answerer {
  const settings: ExtractiveOptions = { ...defaultExtractiveOptions, ...options };

  return {
    async answer(input: AnswerInput, signal?: AbortSignal): Promise<AnswerResult> {
      signal?.throwIfAborted();
      return composeExtractiveAnswer(input, settings).result;
    },
    async *stream(input: AnswerInput, signal?: AbortSignal): AsyncIterable<AnswerEvent> {
      signal?.throwIfAborted();
      const { pieces, result } = composeExtractiveAnswer(input, settings);
      for (const text of pieces) yield { type: 'delta', text };
      yield { type: 'result', result };
    },
  };
}
