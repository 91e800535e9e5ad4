/**
 * Per-token states of a text from the model's middle layer (`alignment_hidden_state` in the project's ONNX graph),
 * with where each token sits in the text: what word alignment across languages is computed from.
 */

/** The token states of one text. Special tokens (`<s>`, `</s>`) and the query/passage prefix are left out. */
export interface TokenStates {
  /** `[start, end)` of each token in the text as given (before the prefix was added), in token order. */
  spans: Array<[number, number]>;
  /** `spans.length × dimensions` values, row-major, each row L2-normalised. */
  vectors: Float32Array;
  dimensions: number;
}

/**
 * Token states as caches keep them (packed-token-states.ts): row `r` is `codes[r·d … (r+1)·d) × scales[r]`, a
 * quarter of float32's bytes.
 */
export interface PackedTokenStates {
  spans: Array<[number, number]>;
  codes: Int8Array;
  scales: Float32Array;
  dimensions: number;
}

/** Which prefix the text is embedded with, as for sentence vectors. */
export type TextKind = 'query' | 'passage';

export interface TokenStateEncoder {
  /** Token states of each text, in input order; texts longer than the model's positions are cut, so spans cover a prefix. */
  tokenStates(texts: string[], kind: TextKind): Promise<TokenStates[]>;
}

/** One `question tokens × sentence tokens` cosine matrix (row-major) per sentence, in input order. */
export type TokenSimilarities = (question: TokenStates, sentences: readonly PackedTokenStates[]) => Promise<Float32Array[]>;
