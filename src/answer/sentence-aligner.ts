/**
 * Aligns a question with candidate sentences through the model's token states, keeping the token states of sentences
 * and questions (packed to int8 rows, bounded by bytes) and the alignments (bounded by count) in least-recently-used
 * caches: sentences of passages asked about before cost no model call; a repeated question costs neither a model call
 * nor an alignment.
 */
import type { DetectedLanguage } from '../corpus/types.js';
import { packTokenStates, packedBytes, unpackTokenStates } from '../embedding/packed-token-states.js';
import type { PackedTokenStates, TokenSimilarities, TokenStateEncoder, TokenStates } from '../embedding/token-states.js';
import { boundedMemo } from '../index/bounded-memo.js';
import { alignSentence, similarityMatrix, type SentenceAlignment } from './word-alignment.js';

/** The alignment of the question with each text, in input order. */
export type AlignSentences = (question: string, language: DetectedLanguage, texts: readonly string[]) => Promise<SentenceAlignment[]>;

export interface SentenceAligner extends AlignSentences {
  /** Keeps a question's token states computed elsewhere (with its vector, in one pass), so aligning it costs no model call. */
  rememberQuestion(question: string, states: TokenStates): void;
  /** Bytes the kept token states take now, about. */
  stateBytes(): number;
}

export interface SentenceAlignerDeps {
  tokenStates: TokenStateEncoder['tokenStates'];
  /** Whether a word of the question (in its language) is a content word, e.g. the analyzer keeps a term of it. */
  isContent: (word: string, language: DetectedLanguage) => boolean;
  /** Most bytes of token states kept (packed: about 40 tokens × 390 bytes, ~16 KB a sentence). */
  maxStateBytes: number;
  /** Most alignments kept (a few KB each). */
  maxAlignments: number;
  /** The token cosines of a question with many sentences at once (default: one `similarityMatrix` per sentence). */
  similarities?: TokenSimilarities;
}

const eachInJavaScript: TokenSimilarities = async (question, sentences) => sentences.map((s) => similarityMatrix(question, unpackTokenStates(s)));

/**
 * Every text's states are packed before use, whether just computed or taken from the cache, so an answer does not
 * depend on what the cache held.
 * @example const align = createSentenceAligner({ tokenStates: embedder.tokenStates, isContent, maxStateBytes: 32e6, maxAlignments: 2000 });
 * (await align('Who won?', 'en', ['Ayan won.']))[0].coverage // 1
 */
export function createSentenceAligner(deps: SentenceAlignerDeps): SentenceAligner {
  const similarities = deps.similarities ?? eachInJavaScript;
  // One recency-ordered cache for both kinds of text: a sentence's states as a passage, a question's as a query.
  const cache = new Map<string, PackedTokenStates>();
  let bytes = 0;
  const keepStates = (key: string, states: PackedTokenStates) => {
    const old = cache.get(key);
    if (old) bytes -= packedBytes(old, key.length);
    cache.delete(key);
    cache.set(key, states); // Map order is recency order
    bytes += packedBytes(states, key.length);
    while (bytes > deps.maxStateBytes && cache.size > 1) {
      const [oldest, value] = cache.entries().next().value!;
      cache.delete(oldest);
      bytes -= packedBytes(value, oldest.length);
    }
  };
  // A repeated question meets the same sentences: their alignments are kept too (a few KB each).
  const alignments = new Map<string, SentenceAlignment>();
  const keepAlignment = (key: string, value: SentenceAlignment) => {
    alignments.delete(key);
    alignments.set(key, value);
    while (alignments.size > deps.maxAlignments) alignments.delete(alignments.keys().next().value!);
  };
  const align: AlignSentences = async (question, language, texts) => {
    const questionKey = `query\u0000${question}`;
    // Take what the cache holds before awaiting: a concurrent call may evict it meanwhile, and keeping this call's own
    // states may evict some of them when the call holds many texts.
    const held = new Map<string, PackedTokenStates>();
    for (const text of texts) {
      const state = cache.get(`passage\u0000${text}`);
      if (state) held.set(text, state);
    }
    const missing = [...new Set(texts.filter((t) => !held.has(t)))];
    const [packedQuestion, states] = await Promise.all([
      cache.get(questionKey) ?? deps.tokenStates([question], 'query').then(([q]) => packTokenStates(q!)),
      missing.length ? deps.tokenStates(missing, 'passage') : [],
    ]);
    keepStates(questionKey, packedQuestion);
    missing.forEach((text, i) => held.set(text, packTokenStates(states[i]!)));
    for (const [text, state] of held) keepStates(`passage\u0000${text}`, state); // refreshes the recency of hits too
    const keyOf = (text: string) => `${language}\u0000${question}\u0000${text}`;
    const found = new Map(texts.flatMap((text) => {
      const known = alignments.get(keyOf(text));
      return known ? [[text, known] as const] : [];
    }));
    const unaligned = [...new Set(texts.filter((text) => !found.has(text)))];
    if (unaligned.length) {
      const questionStates = unpackTokenStates(packedQuestion);
      const cosines = await similarities(questionStates, unaligned.map((text) => held.get(text)!));
      // Every sentence asks about the same question words.
      const isContent = boundedMemo((word: string) => deps.isContent(word, language), Infinity);
      unaligned.forEach((text, i) => {
        const alignment = alignSentence(question, packedQuestion, text, held.get(text)!, isContent, cosines[i]);
        keepAlignment(keyOf(text), alignment);
        found.set(text, alignment);
      });
    }
    return texts.map((text) => found.get(text)!);
  };
  return Object.assign(align, {
    rememberQuestion: (question: string, states: TokenStates) => keepStates(`query\u0000${question}`, packTokenStates(states)),
    stateBytes: () => bytes,
  });
}
