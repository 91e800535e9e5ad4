/** Bench-only: today's path (transformers.js v2 on the calling thread) as the runtime's embedder, so the server can be measured with it. */
import type { Config } from '../../config.js';
import type { OpenedEmbedder } from '../../embedding/open-embedder.js';
import { LegacyTransformersEmbeddings } from './legacy-transformers-embeddings.js';

/** The weight format today's path reads (`onnx/model_quantized.onnx`), named for reports. */
export const LEGACY_DTYPE = 'today (transformers.js v2, model_quantized.onnx)';

/**
 * Opens `config.embedding.model` with today's path. It has no token states (transformers.js v2 returns pooled
 * vectors only), so answers skip word alignment: less work per question than the current runtime does.
 */
export async function openLegacyEmbedder(config: Config): Promise<OpenedEmbedder> {
  const embeddings = await LegacyTransformersEmbeddings.fromConfig(config).load();
  return {
    model: embeddings.model,
    dimensions: embeddings.dimensions,
    profile: embeddings.profile,
    dtype: LEGACY_DTYPE,
    embedDocuments: (texts) => embeddings.embedDocuments(texts),
    embedQuery: (text) => embeddings.embedQuery(text),
    embedRaw: (texts) => embeddings.embedRaw(texts),
    dispose: () => embeddings.dispose(),
    embeddings,
  };
}
