/**
 * Aligns a question with candidate sentences through the model's token states, keeping the sentences' token states
 * in a bounded least-recently-used cache (sentences of passages asked about before cost no model call).
 */
import type { DetectedLanguage } from '../corpus/types.js';
import type { TokenStateEncoder, TokenStates } from '../embedding/token-states.js';
import { alignSentence, type SentenceAlignment } from './word-alignment.js';

/** The alignment of the question with each text, in input order. */
export type AlignSentences = (question: string, language: DetectedLanguage, texts: readonly string[]) => Promise<SentenceAlignment[]>;

export interface SentenceAlignerDeps {
  tokenStates: TokenStateEncoder['tokenStates'];
  /** Whether a word of the question (in its language) is a content word, e.g. the analyzer keeps a term of it. */
  isContent: (word: string, language: DetectedLanguage) => boolean;
  /** Most sentences' token states kept (about 40 tokens × 384 floats: ~60 KB each). */
  maxEntries: number;
}

/**
 * @example const align = createSentenceAligner({ tokenStates: embedder.tokenStates, isContent, maxEntries: 2000 });
 * (await align('Who won?', 'en', ['Ayan won.']))[0].coverage // 1
 */
export function createSentenceAligner(deps: SentenceAlignerDeps): AlignSentences {
  const cache = new Map<string, TokenStates>();
  return async (question, language, texts) => {
    const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
    const [[questionStates], states] = await Promise.all([deps.tokenStates([question], 'query'), missing.length ? deps.tokenStates(missing, 'passage') : []]);
    const fresh = new Map(missing.map((text, i) => [text, states[i]!]));
    for (const [text, s] of fresh) {
      cache.delete(text);
      cache.set(text, s); // Map order is recency order
      while (cache.size > deps.maxEntries) cache.delete(cache.keys().next().value!);
    }
    return texts.map((text) => {
      const sentenceStates = fresh.get(text) ?? cache.get(text)!;
      return alignSentence(question, questionStates!, text, sentenceStates, (word) => deps.isContent(word, language));
    });
  };
}
