/** LangChain `Embeddings` over a local transformers.js (ONNX) model: mean-pooled, unit-length vectors, with the model's query/passage prefixes. */
import path from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import type { FeatureExtractionPipeline } from '@xenova/transformers';
import type { Config } from '../config.js';
import { loadFeatureExtractor, type ModelProgress } from './load-feature-extractor.js';
import { ModelLoadError, reasonOf } from './model-load-error.js';
import { isDirectory, locateModel, readDeclaredProfile } from './model-location.js';
import { profileForModel, type ModelProfile } from './model-profile.js';
import type { TextKind, TokenStates } from './token-states.js';
import { hasAlignmentOutput, readTokenStates } from './transformers-token-states.js';

export interface TransformersEmbeddingsOptions {
  /** A hub id such as `Xenova/multilingual-e5-small` (found in `modelsDir`, downloaded there when allowed), or a local model folder (absolute, or relative to `cwd`). */
  model: string;
  /** Where hub models are looked for and cached (MODELS_DIR). Default: `<cwd>/models`. */
  modelsDir?: string;
  /** Never download; only files already on disk are used. Default false. */
  offline?: boolean;
  /** Load `onnx/model_quantized.onnx` rather than `onnx/model.onnx`. Default true. */
  quantized?: boolean;
  /** Texts per forward pass. Default 16. */
  batchSize?: number;
  /** Resolves a relative folder in `model` and the default `modelsDir`. Default `process.cwd()`. */
  cwd?: string;
  /** Called with transformers.js progress events while files are read or downloaded. */
  onProgress?: (event: ModelProgress) => void;
}

type Settings = Required<Omit<TransformersEmbeddingsOptions, 'onProgress'>> & Pick<TransformersEmbeddingsOptions, 'onProgress'>;

interface Loaded {
  extract: FeatureExtractionPipeline;
  profile: ModelProfile;
  dimensions: number;
}

/**
 * Embeds texts with a transformers.js feature-extraction model. Loads lazily on first use, or explicitly with `load()`.
 * transformers.js is configured through its module-wide `env` (allowRemoteModels, localModelPath, cacheDir), which
 * `load()` sets from these options just before loading: see `load-feature-extractor.ts` for why.
 * @example
 * const embedder = await new TransformersEmbeddings({ model: 'Xenova/multilingual-e5-small', offline: true }).load();
 * const [vector] = await embedder.embedDocuments(['Астана — Қазақстанның астанасы.']);
 */
export class TransformersEmbeddings extends Embeddings {
  /** The model as configured: hub id or folder path. */
  readonly model: string;
  private readonly settings: Settings;
  private loading?: Promise<Loaded>;
  private loaded?: Loaded;

  constructor(options: TransformersEmbeddingsOptions) {
    super({});
    const cwd = options.cwd ?? process.cwd();
    this.model = options.model;
    this.settings = {
      model: options.model,
      cwd,
      modelsDir: path.resolve(cwd, options.modelsDir ?? 'models'),
      offline: options.offline ?? false,
      quantized: options.quantized ?? true,
      batchSize: Math.max(1, Math.floor(options.batchSize ?? 16)),
      onProgress: options.onProgress,
    };
  }

  /** Options from the app's config (`EMBEDDING_*`, `MODELS_DIR`, `OFFLINE`). */
  static fromConfig(config: Config, onProgress?: (event: ModelProgress) => void): TransformersEmbeddings {
    const { model, quantized, batchSize, offline } = config.embedding;
    return new TransformersEmbeddings({ model, modelsDir: config.modelsDir, offline, quantized, batchSize, onProgress });
  }

  /**
   * Opens the model and measures its vector size. Concurrent and later calls share one load; a failed load can be retried.
   * @throws ModelLoadError saying which model, where it looked, whether downloading was allowed, and how to fix it.
   */
  async load(): Promise<this> {
    this.loading ??= this.open().catch((error: unknown) => {
      this.loading = undefined; // a later call may try again, e.g. after the files were copied in
      throw error;
    });
    this.loaded = await this.loading;
    return this;
  }

  /** Length of every vector. Known after `load()`. */
  get dimensions(): number {
    if (!this.loaded) throw new Error(`TransformersEmbeddings: call load() before reading dimensions of ${this.model}.`);
    return this.loaded.dimensions;
  }

  /** The prefixes in use. Known after `load()`. */
  get profile(): ModelProfile {
    if (!this.loaded) throw new Error(`TransformersEmbeddings: call load() before reading the profile of ${this.model}.`);
    return this.loaded.profile;
  }

  /** One unit vector per text, each prefixed with the model's passage prefix. */
  async embedDocuments(texts: string[]): Promise<number[][]> {
    const { profile } = await this.ready();
    return this.embedRaw(texts.map((text) => profile.passagePrefix + text));
  }

  /** The unit vector of a search query, prefixed with the model's query prefix. */
  async embedQuery(text: string): Promise<number[]> {
    const { profile } = await this.ready();
    const [vector] = await this.embedRaw([profile.queryPrefix + text]);
    return vector!;
  }

  /**
   * One unit vector per text, embedded exactly as given (no prefix), in batches of `batchSize`, returned in input
   * order. Texts are batched in order of length, so a batch is padded to a similar length rather than to the
   * longest text of an arbitrary mix; a text's vector does not depend on its batch (padding is masked).
   */
  async embedRaw(texts: string[]): Promise<number[][]> {
    const { extract } = await this.ready();
    const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length);
    const vectors = new Array<number[]>(texts.length);
    for (let from = 0; from < order.length; from += this.settings.batchSize) {
      const batch = order.slice(from, from + this.settings.batchSize);
      const output = await extract(batch.map((i) => texts[i]!), { pooling: 'mean', normalize: true });
      (output.tolist() as number[][]).forEach((vector, j) => (vectors[batch[j]!] = vector));
    }
    return vectors;
  }

  /** Whether the model's graph outputs middle-layer token states (for word alignment). Known after `load()`. */
  get hasTokenStates(): boolean {
    return this.loaded ? hasAlignmentOutput(this.loaded.extract) : false;
  }

  /** Middle-layer token states of each text, with the query or passage prefix, in input order. */
  async tokenStates(texts: string[], kind: TextKind): Promise<TokenStates[]> {
    const { extract, profile } = await this.ready();
    return readTokenStates(extract, texts, kind === 'query' ? profile.queryPrefix : profile.passagePrefix, this.settings.batchSize);
  }

  /** Releases the ONNX session. The instance can be loaded again afterwards. */
  async dispose(): Promise<void> {
    const loading = this.loading;
    this.loading = undefined;
    this.loaded = undefined;
    const loaded = await loading?.catch(() => undefined);
    await loaded?.extract.dispose();
  }

  private async ready(): Promise<Loaded> {
    return this.loaded ?? (await this.load(), this.loaded!);
  }

  private async open(): Promise<Loaded> {
    const { cwd, modelsDir, offline, quantized, onProgress } = this.settings;
    const location = await locateModel(this.model, cwd, modelsDir);
    const remoteAllowed = location.kind === 'hub' && !offline;
    const fail = (reason: string, cause?: unknown) =>
      new ModelLoadError(
        { model: this.model, localDir: location.kind === 'local' ? location.dir : undefined, modelsDir, remoteAllowed, quantized, reason },
        { cause },
      );

    if (location.kind === 'local' && !(await isDirectory(location.dir))) throw fail('that folder does not exist.');
    const declared = await readDeclaredProfile(location).catch((error: unknown) => {
      throw fail(reasonOf(error), error);
    });
    const extract = await loadFeatureExtractor({ location, modelsDir, remoteAllowed, quantized, onProgress }).catch(
      (error: unknown) => {
        throw fail(reasonOf(error), error);
      },
    );
    const probe = await extract('dimension probe', { pooling: 'mean', normalize: true }).catch((error: unknown) => {
      throw fail(`the model files were read but the model could not run: ${reasonOf(error)}`, error);
    });
    return { extract, profile: profileForModel(this.model, declared), dimensions: probe.dims.at(-1)! };
  }
}

export type { ModelProgress };
