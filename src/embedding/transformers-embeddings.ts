/**
 * LangChain `Embeddings` over a local ONNX model (onnxruntime-node, tokenizer from transformers.js): mean-pooled,
 * unit-length vectors with the model's query/passage prefixes, computed in a pool of worker threads so the
 * caller's event loop never runs the model.
 */
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import { DEFAULT_MODEL_HUB_URL, type Config } from '../config.js';
import { ModelLoadError, reasonOf } from './model-load-error.js';
import { isDirectory, locateModel, readDeclaredProfile, type ModelLocation } from './model-location.js';
import { profileForModel, type ModelProfile } from './model-profile.js';
import type { ModelProgress } from './model-progress.js';
import { hasExactInt8DotProduct } from './runtime/int8-dot-product.js';
import { DTYPE_FILES, chooseDtype, type EmbeddingDtype, type EmbeddingDtypeSetting } from './runtime/embedding-dtype.js';
import { createEmbeddingPool, type EmbeddingPool } from './runtime/embedding-pool.js';
import { downloadHubModel } from './provision/hub-download.js';
import { checkModelFolder } from './provision/model-folder-check.js';
import type { TextKind, TokenStates } from './token-states.js';

export interface TransformersEmbeddingsOptions {
  /** A hub id such as `Xenova/multilingual-e5-small` (found in `modelsDir`, downloaded there when allowed), or a local model folder (absolute, or relative to `cwd`). */
  model: string;
  /** Where hub models are looked for and cached (MODELS_DIR). Default: `<cwd>/models`. */
  modelsDir?: string;
  /** Never download; only files already on disk are used. Default false. */
  offline?: boolean;
  /** Weight format (EMBEDDING_DTYPE); `auto` takes the fastest the folder has. Default `auto`. */
  dtype?: EmbeddingDtypeSetting;
  /** Under `auto`: false loads `onnx/model.onnx` (EMBEDDING_QUANTIZED=0). Default true. */
  quantized?: boolean;
  /** Texts per forward pass, at most. Default 16. */
  batchSize?: number;
  /** Padded tokens per forward pass, at most (EMBEDDING_BATCH_TOKENS). Default `DEFAULT_BATCH_TOKENS`. */
  batchTokens?: number;
  /** Worker threads, each holding the model (EMBEDDING_THREADS). Default 1. */
  threads?: number;
  /** onnxruntime threads inside one forward pass. Default: the machine's cores shared among the workers (`intraOpThreadsFor`). */
  intraOpThreads?: number;
  /** Calls that may wait for a worker before new ones are refused (EMBEDDING_QUEUE_LIMIT). Default 256. */
  queueLimit?: number;
  /** Resolves a relative folder in `model` and the default `modelsDir`. Default `process.cwd()`. */
  cwd?: string;
  /** The model hub to download a missing hub model from (MODEL_HUB_URL). Default: the config's default. */
  hubUrl?: string;
  /** Called with progress events while files are downloaded. */
  onProgress?: (event: ModelProgress) => void;
}

/**
 * onnxruntime threads per forward pass by default: `npm run index` shares every core among the workers; a server
 * (createRuntime) leaves one core to its event loop (HTTP, retrieval, word alignment), which on 2 cores answered
 * 1.27× more new questions a second with no slower single question (a short question's pass gains nothing from a
 * second thread).
 */
export function intraOpThreadsFor(role: 'build' | 'serve', workers: number, cores = os.availableParallelism()): number {
  return Math.max(1, Math.floor((role === 'serve' ? cores - 1 : cores) / Math.max(1, workers)));
}

/**
 * Padded tokens per forward pass by default: a pass's activations that fit the caches run faster. Measured on 2 cores,
 * int8, corpus passages of ~150 tokens: 16 a pass 45 passages/s, 8 61, 4 67, 2 65, 1 57 (docs/performance.md).
 */
export const DEFAULT_BATCH_TOKENS = 512;

type Settings = Required<Omit<TransformersEmbeddingsOptions, 'onProgress'>> & Pick<TransformersEmbeddingsOptions, 'onProgress'>;

interface Loaded {
  pool: EmbeddingPool;
  profile: ModelProfile;
  dtype: EmbeddingDtype;
}

/**
 * Embeds texts with an ONNX feature-extraction model. Loads lazily on first use, or explicitly with `load()`.
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
    const threads = Math.max(1, Math.floor(options.threads ?? 1));
    this.model = options.model;
    this.settings = {
      model: options.model,
      cwd,
      modelsDir: path.resolve(cwd, options.modelsDir ?? 'models'),
      offline: options.offline ?? false,
      dtype: options.dtype ?? 'auto',
      quantized: options.quantized ?? true,
      hubUrl: options.hubUrl ?? DEFAULT_MODEL_HUB_URL,
      batchSize: Math.max(1, Math.floor(options.batchSize ?? 16)),
      batchTokens: Math.max(1, Math.floor(options.batchTokens ?? DEFAULT_BATCH_TOKENS)),
      threads,
      intraOpThreads: Math.max(1, Math.floor(options.intraOpThreads ?? intraOpThreadsFor('build', threads))),
      queueLimit: Math.max(0, Math.floor(options.queueLimit ?? 256)),
      onProgress: options.onProgress,
    };
  }

  /** Options from the app's config (`EMBEDDING_*`, `MODELS_DIR`, `OFFLINE`). */
  static fromConfig(config: Config, onProgress?: (event: ModelProgress) => void): TransformersEmbeddings {
    const { model, quantized, batchSize, batchTokens, offline, hubUrl, dtype, threads, intraOpThreads, queueLimit } = config.embedding;
    return new TransformersEmbeddings({ model, modelsDir: config.modelsDir, offline, quantized, dtype, batchSize, batchTokens, threads, intraOpThreads, queueLimit, hubUrl, onProgress });
  }

  /**
   * Opens the model in the worker threads and measures its vector size. Concurrent and later calls share one load; a failed load can be retried.
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
    return this.known('dimensions').pool.dimensions;
  }

  /** The prefixes in use. Known after `load()`. */
  get profile(): ModelProfile {
    return this.known('profile').profile;
  }

  /** The weight format loaded. Known after `load()`. */
  get dtype(): EmbeddingDtype {
    return this.known('dtype').dtype;
  }

  /** Whether the graph outputs middle-layer token states (`tokenStates` works). Known after `load()`. */
  get hasTokenStates(): boolean {
    return this.known('hasTokenStates').pool.hasTokenStates;
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
   * One unit vector per text, embedded exactly as given (no prefix), returned in input order. The workers batch
   * texts of similar token counts together; a text's vector does not depend on its batch (padding is masked).
   * @throws EmbeddingBusyError when EMBEDDING_QUEUE_LIMIT calls are already waiting.
   */
  async embedRaw(texts: string[]): Promise<number[][]> {
    const { pool } = await this.ready();
    return (await pool.embed(texts)).map((v) => Array.from(v));
  }

  /** Middle-layer token states of each text with the kind's prefix (see `TokenStateEncoder`). */
  async tokenStates(texts: string[], kind: TextKind): Promise<TokenStates[]> {
    const { pool, profile } = await this.ready();
    return pool.tokenStates(texts, kind === 'query' ? profile.queryPrefix : profile.passagePrefix);
  }

  /** A question's vector (as `embedQuery`) and its token states, from one forward pass. */
  async encodeQuery(text: string): Promise<{ vector: number[]; states: TokenStates }> {
    const { pool, profile } = await this.ready();
    const { vectors, states } = await pool.encode([text], profile.queryPrefix);
    return { vector: Array.from(vectors[0]!), states: states[0]! };
  }

  /** Stops the worker threads. The instance can be loaded again afterwards. */
  async dispose(): Promise<void> {
    const loading = this.loading;
    this.loading = undefined;
    this.loaded = undefined;
    const loaded = await loading?.catch(() => undefined);
    await loaded?.pool.dispose();
  }

  private known(what: string): Loaded {
    if (!this.loaded) throw new Error(`TransformersEmbeddings: call load() before reading ${what} of ${this.model}.`);
    return this.loaded;
  }

  private async ready(): Promise<Loaded> {
    return this.loaded ?? (await this.load(), this.loaded!);
  }

  private async open(): Promise<Loaded> {
    const { cwd, modelsDir, offline, quantized } = this.settings;
    const location = await locateModel(this.model, cwd, modelsDir);
    const remoteAllowed = location.kind === 'hub' && !offline;
    const fail = (reason: string, cause?: unknown) =>
      new ModelLoadError(
        { model: this.model, localDir: location.kind === 'local' ? location.dir : undefined, modelsDir, remoteAllowed, quantized, reason },
        { cause },
      );
    const failWith = (prefix: string) => (error: unknown) => {
      throw error instanceof ModelLoadError ? error : fail(`${prefix}${reasonOf(error)}`, error);
    };

    if (location.kind === 'local' && !(await isDirectory(location.dir))) throw fail('that folder does not exist.');
    const dtype = await this.fetchIfMissing(location, remoteAllowed).catch(failWith(''));
    const declared = await readDeclaredProfile(location).catch(failWith(''));
    const pool = await createEmbeddingPool({
      encoder: { dir: location.dir, file: DTYPE_FILES[dtype], intraOpThreads: this.settings.intraOpThreads, batchSize: this.settings.batchSize, batchTokens: this.settings.batchTokens },
      threads: this.settings.threads,
      queueLimit: this.settings.queueLimit,
    }).catch(failWith(`the model files were read but the model could not run: `));
    return { pool, profile: profileForModel(this.model, declared), dtype };
  }

  /**
   * The format to load. A hub model missing from `modelsDir` is first downloaded by `provision/hub-download.ts`
   * (verified, all or nothing) when allowed; a local folder must hold the files.
   */
  private async fetchIfMissing(location: ModelLocation, remoteAllowed: boolean): Promise<EmbeddingDtype> {
    const { dtype: setting, quantized, hubUrl, onProgress } = this.settings;
    if (location.kind === 'hub') {
      const check = await checkModelFolder(location.dir, quantized);
      if (!check.complete) {
        if (!remoteAllowed) throw new Error(check.problem);
        await downloadHubModel({ model: this.model, hubUrl, target: location.dir, quantized, onProgress });
      }
    }
    const wanted = (await chooseDtype(location.dir, setting, quantized, hasExactInt8DotProduct())) ?? (quantized ? 'quantized' : 'fp32');
    const missing: string[] = [];
    for (const file of ['tokenizer.json', 'config.json', DTYPE_FILES[wanted]]) {
      if (!(await isFileIn(location.dir, file))) missing.push(path.join(location.dir, file));
    }
    if (missing.length) throw new Error(`missing file ${missing.join(', ')}`);
    return wanted;
  }
}

async function isFileIn(dir: string, file: string): Promise<boolean> {
  return (await stat(path.join(dir, file)).catch(() => undefined))?.isFile() ?? false;
}

export type { ModelProgress };
