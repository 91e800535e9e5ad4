/**
 * Aligns a question with candidate sentences through the model's token states, keeping the token states of sentences
 * and questions, and the alignments, in bounded least-recently-used caches (sentences of passages asked about before
 * cost no model call; a repeated question costs neither a model call nor an alignment).
 */
import type { DetectedLanguage } from '../corpus/types.js';
import type { TokenSimilarities, TokenStateEncoder, TokenStates } from '../embedding/token-states.js';
import { alignSentence, similarityMatrix, type SentenceAlignment } from './word-alignment.js';

/** The alignment of the question with each text, in input order. */
export type AlignSentences = (question: string, language: DetectedLanguage, texts: readonly string[]) => Promise<SentenceAlignment[]>;

export interface SentenceAligner extends AlignSentences {
  /** Keeps a question's token states computed elsewhere (with its vector, in one pass), so aligning it costs no model call. */
  rememberQuestion(question: string, states: TokenStates): void;
}

export interface SentenceAlignerDeps {
  tokenStates: TokenStateEncoder['tokenStates'];
  /** Whether a word of the question (in its language) is a content word, e.g. the analyzer keeps a term of it. */
  isContent: (word: string, language: DetectedLanguage) => boolean;
  /** Most texts' token states kept (about 40 tokens × 384 floats: ~60 KB each), and most alignments. */
  maxEntries: number;
  /** The token cosines of a question with many sentences at once (default: one `similarityMatrix` per sentence). */
  similarities?: TokenSimilarities;
}

const eachInJavaScript: TokenSimilarities = async (question, sentences) => sentences.map((s) => similarityMatrix(question, s));

/**
 * @example const align = createSentenceAligner({ tokenStates: embedder.tokenStates, isContent, maxEntries: 2000 });
 * (await align('Who won?', 'en', ['Ayan won.']))[0].coverage // 1
 */
export function createSentenceAligner(deps: SentenceAlignerDeps): SentenceAligner {
  const similarities = deps.similarities ?? eachInJavaScript;
  // One recency-ordered cache for both kinds of text: a sentence's states as a passage, a question's as a query.
  const cache = new Map<string, TokenStates>();
  // A repeated question meets the same sentences: their alignments are kept too (a few KB each).
  const alignments = new Map<string, SentenceAlignment>();
  const keep = <T>(map: Map<string, T>, key: string, value: T) => {
    map.delete(key);
    map.set(key, value); // Map order is recency order
    while (map.size > deps.maxEntries) map.delete(map.keys().next().value!);
  };
  const align: AlignSentences = async (question, language, texts) => {
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
    const keyOf = (text: string) => `${language}\u0000${question}\u0000${text}`;
    const found = new Map(texts.flatMap((text) => {
      const known = alignments.get(keyOf(text));
      return known ? [[text, known] as const] : [];
    }));
    const unaligned = [...new Set(texts.filter((text) => !found.has(text)))];
    const cosines = await similarities(questionStates, unaligned.map((text) => held.get(text)!));
    unaligned.forEach((text, i) => {
      const alignment = alignSentence(question, questionStates, text, held.get(text)!, (word) => deps.isContent(word, language), cosines[i]);
      keep(alignments, keyOf(text), alignment);
      found.set(text, alignment);
    });
    return texts.map((text) => found.get(text)!);
  };
  return Object.assign(align, { rememberQuestion: (question: string, states: TokenStates) => keep(cache, `query\u0000${question}`, states) });
}
