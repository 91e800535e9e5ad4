/**
 * Aligns a question with candidate sentences through the model's token states, keeping the token states of sentences
 * and questions, and the alignments, in bounded least-recently-used caches (sentences of passages asked about before
 * cost no model call; a repeated question costs neither a model call nor an alignment).
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
  /** Most texts' token states kept (about 40 tokens × 384 floats: ~60 KB each), and most alignments. */
  maxEntries: number;
}

/**
 * @example const align = createSentenceAligner({ tokenStates: embedder.tokenStates, isContent, maxEntries: 2000 });
 * (await align('Who won?', 'en', ['Ayan won.']))[0].coverage // 1
 */
export function createSentenceAligner(deps: SentenceAlignerDeps): AlignSentences {
  // One recency-ordered cache for both kinds of text: a sentence's states as a passage, a question's as a query.
  const cache = new Map<string, TokenStates>();
  // A repeated question meets the same sentences: their alignments are kept too (a few KB each).
  const alignments = new Map<string, SentenceAlignment>();
  const keep = <T>(map: Map<string, T>, key: string, value: T) => {
    map.delete(key);
    map.set(key, value); // Map order is recency order
    while (map.size > deps.maxEntries) map.delete(map.keys().next().value!);
  };
  return async (question, language, texts) => {
    const questionKey = `query\u0000${question}`;
    // Take what the cache holds before awaiting: a concurrent call may evict it meanwhile, and keeping this call's own
    // states may evict some of them when the call holds many texts.
    const held = new Map<string, TokenStates>();
    for (const text of texts) {
      const state = cache.get(`passage\u0000${text}`);
      if (state) held.set(text, state);
    }
    const missing = [...new Set(texts.filter((t) => !held.has(t)))];
    const [questionStates, states] = await Promise.all([
      cache.get(questionKey) ?? deps.tokenStates([question], 'query').then(([q]) => q!),
      missing.length ? deps.tokenStates(missing, 'passage') : [],
    ]);
    keep(cache, questionKey, questionStates);
    missing.forEach((text, i) => held.set(text, states[i]!));
    for (const [text, state] of held) keep(cache, `passage\u0000${text}`, state); // refreshes the recency of hits too
    return texts.map((text) => {
      const key = `${language}\u0000${question}\u0000${text}`;
      const known = alignments.get(key);
      if (known) return known;
      const sentenceStates = held.get(text)!;
      const alignment = alignSentence(question, questionStates, text, sentenceStates, (word) => deps.isContent(word, language));
      keep(alignments, key, alignment);
      return alignment;
    });
  };
}
