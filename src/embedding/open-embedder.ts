/** Opens the configured embedding model as a plain object: what the index build and the server call. */
import type { Embeddings } from '@langchain/core/embeddings';
import type { Config } from '../config.js';
import type { ModelProgress } from './model-progress.js';
import type { ModelProfile } from './model-profile.js';
import type { TextKind, TokenStateEncoder, TokenStates } from './token-states.js';
import { TransformersEmbeddings } from './transformers-embeddings.js';

/**
 * A loaded model. A plain object of functions (not a class instance), so `{ ...embedder, embedDocuments }`
 * keeps every field.
 */
export interface OpenedEmbedder {
  /** EMBEDDING_MODEL as configured: hub id or folder path. */
  model: string;
  /** Length of every vector. */
  dimensions: number;
  /** The query/passage prefixes in use. */
  profile: ModelProfile;
  /** The weight format loaded (EMBEDDING_DTYPE, `auto` resolved). */
  dtype: string;
  /** Unit vectors of passages (passage prefix applied), in input order. */
  embedDocuments(texts: string[]): Promise<number[][]>;
  /** Unit vector of a search query (query prefix applied). */
  embedQuery(text: string): Promise<number[]>;
  /** Unit vectors of texts exactly as given, no prefix. */
  embedRaw(texts: string[]): Promise<number[][]>;
  /**
   * Middle-layer token states for word alignment, when the model's graph outputs them (`alignment_hidden_state`,
   * which the project's converter writes); absent for models that do not.
   */
  tokenStates?: TokenStateEncoder['tokenStates'];
  /** A question's vector (as `embedQuery`) and token states in one model pass; present with `tokenStates`. */
  encodeQuery?: (text: string) => Promise<{ vector: number[]; states: TokenStates }>;
  /** Frees the ONNX session. */
  dispose(): Promise<void>;
  /** The same model as a LangChain `Embeddings`, for LangChain APIs. */
  embeddings: Embeddings;
}

/**
 * Loads `config.embedding.model` (from MODELS_DIR or a folder; downloads only when OFFLINE is off).
 * @throws ModelLoadError with the model, where it looked, whether downloading was allowed, and how to fix it.
 * @example const embedder = await openEmbedder(loadConfig()); const vector = await embedder.embedQuery('Қай қала?');
 */
export async function openEmbedder(config: Config, onProgress?: (event: ModelProgress) => void): Promise<OpenedEmbedder> {
  const embeddings = await TransformersEmbeddings.fromConfig(config, onProgress).load();
  return {
    model: embeddings.model,
    dimensions: embeddings.dimensions,
    profile: embeddings.profile,
    dtype: embeddings.dtype,
    embedDocuments: (texts) => embeddings.embedDocuments(texts),
    embedQuery: (text) => embeddings.embedQuery(text),
    embedRaw: (texts) => embeddings.embedRaw(texts),
    ...(embeddings.hasTokenStates
      ? { tokenStates: (texts: string[], kind: TextKind) => embeddings.tokenStates(texts, kind), encodeQuery: (text: string) => embeddings.encodeQuery(text) }
      : {}),
    dispose: () => embeddings.dispose(),
    embeddings,
  };
}
