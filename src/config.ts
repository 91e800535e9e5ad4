/** The one place that reads the environment: parsed and validated once into a typed, fully-defaulted Config. */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_READER_LIMITS as RL, type ReaderLimits } from './corpus/reader-limits.js';
import { parseTrustProxy, type TrustProxy } from './server/client-address.js';
import { EMBEDDING_DTYPES, type EmbeddingDtypeSetting } from './embedding/runtime/embedding-dtype.js';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const csv = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

/** Hybrid fusion chosen on data (docs/fusion-and-gate.md): `npm run eval:fusion` reproduces the choice. */
export const DEFAULT_FUSION = { lexicalWeight: 0.15 } as const;
/** A paragraph shorter than this is a heading: embedded with its document's opening, and no hit while it heads a longer one. */
export const DEFAULT_HEADING_CHARS = 40;

/** Every setting, its environment variable and its default. Documented in README.md ("Settings"). */
const schema = z.object({
  CORPUS_DIR: z.string().default('./corpus'),
  INDEX_DIR: z.string().default('./index'),
  MODELS_DIR: z.string().default('./models'),
  EMBEDDING_MODEL: z.string().min(1).optional(),
  EMBEDDING_QUANTIZED: flag.default(true),
  EMBEDDING_BATCH_SIZE: int(1, 512).default(16),
  EMBEDDING_BATCH_TOKENS: int(1, 65_536).optional(),
  OFFLINE: flag.default(false),
  // Embedding runtime (issue 17): weight format, worker threads, queue bound.
  EMBEDDING_DTYPE: z.enum(['auto', ...EMBEDDING_DTYPES]).default('auto'),
  EMBEDDING_THREADS: int(1, 64).default(1),
  EMBEDDING_INTRA_OP_THREADS: int(1, 256).optional(),
  EMBEDDING_QUEUE_LIMIT: int(0, 100_000).default(256),
  // A server's memory (issue 17): bytes of token states the word aligner keeps; how far V8 heaps grow past their live size.
  ALIGNMENT_CACHE_MB: int(1, 65_536).default(16),
  HEAP_GROWTH_PERCENT: int(0, 1_000).default(30),
  RETRIEVAL: z.enum(['auto', 'hybrid', 'lexical']).default('auto'),
  HNSW_M: int(2, 128).default(16),
  HNSW_EF_CONSTRUCTION: int(8, 2000).default(64),
  HNSW_EF_SEARCH: int(1, 5000).default(80),
  CHUNK_MAX_CHARS: int(100, 10_000).default(700),
  CHUNK_OVERLAP_CHARS: int(0, 2_000).default(120),
  HOST: z.string().default('127.0.0.1'),
  PORT: int(0, 65_535).default(3000),
  CORS_ORIGINS: csv.default(['*']),
  RATE_LIMIT_PER_MINUTE: int(0, 1_000_000).default(120),
  API_KEY: optionalString,
  REQUEST_TIMEOUT_MS: int(100, 600_000).default(30_000),
  LOG_REQUESTS: flag.default(true),
  LLM_BASE_URL: optionalString,
  LLM_MODEL: optionalString,
  LLM_API_KEY: optionalString,
  LLM_TIMEOUT_MS: int(100, 600_000).default(20_000),
  TRUST_PROXY: z.string().default(''),
  PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  FEEDBACK_DIR: z.string().default('./data/feedback'),
  SUGGESTIONS: z.string().optional(),
  FUSION_LEXICAL_WEIGHT: z.coerce.number().min(0).max(100).default(DEFAULT_FUSION.lexicalWeight),
  // Document management (docs/team.md): the admin routes exist only when ADMIN_API_KEY is set.
  ADMIN_API_KEY: optionalString,
  ADMIN_MAX_UPLOAD_MB: z.coerce.number().min(0.001).max(1024).default(20),
  // Model provisioning (issue 16): where hub models are downloaded from.
  MODEL_HUB_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, like HF_ENDPOINT' }).optional(),
  // Reader limits (issue 19): what reading one corpus file may cost; docs/robustness.md.
  READER_TIMEOUT_MS: int(100, 3_600_000).default(RL.timeoutMs),
  READER_MEMORY_MB: int(128, 65_536).default(RL.memoryMb),
  READER_MAX_FILE_BYTES: int(1, 2 ** 40).default(RL.fileBytes),
  READER_MAX_DECOMPRESSED_BYTES: int(1, 2 ** 40).default(RL.decompressedBytes),
  READER_MAX_PAGES: int(1, 1_000_000).default(RL.pages),
  READER_MAX_OPERATORS_PER_PAGE: int(1, 1e9).default(RL.operatorsPerPage),
  READER_MAX_FORM_DEPTH: int(0, 1_000).default(RL.formDepth),
  READER_MAX_PARAGRAPHS: int(1, 1e9).default(RL.paragraphs),
  READER_MAX_DOM_DEPTH: int(1, 100_000).default(RL.domDepth),
  READER_MAX_DOM_ELEMENTS: int(1, 1e9).default(RL.domElements),
  READER_MAX_TEXT_CHARS: int(1, 2 ** 40).default(RL.textChars),
  // Originals (issue 19): GET /originals/:file downloads at once per client, and how long a client may stop reading.
  ORIGINALS_PER_CLIENT: int(1, 1_000).default(4),
  ORIGINALS_IDLE_TIMEOUT_MS: int(100, 3_600_000).default(30_000),
  // Feedback (issue 19): size at which feedback.jsonl rotates to feedback.jsonl.1.
  FEEDBACK_MAX_BYTES: int(1_024, 2 ** 40).default(64 * 1024 * 1024),
  // Question cost (issue 19): characters of a question the model embeds; questions in progress at once per client.
  QUERY_EMBED_MAX_CHARS: int(16, 100_000).default(512),
  QUESTIONS_PER_CLIENT: int(0, 1_000).default(2),
  QUESTIONS_IN_FLIGHT: int(0, 100_000).default(8),
  // PostgreSQL store (docs/postgres.md): unset DATABASE_URL keeps the file index in INDEX_DIR.
  DATABASE_URL: optionalString,
  DATABASE_READ_URLS: csv.default([]),
  DATABASE_POLL_MS: int(100, 600_000).default(2_000),
  DATABASE_TIMEOUT_MS: int(100, 600_000).default(5_000),
  DATABASE_KEEP_GENERATIONS: int(1, 100).default(2),
});

/** The embedding model used when EMBEDDING_MODEL is unset and neither the index nor MODELS_DIR names one. */
export const DEFAULT_EMBEDDING_MODEL = 'Xenova/multilingual-e5-small';
/** The model hub's address when MODEL_HUB_URL is unset (transformers.js's own default). */
export const DEFAULT_MODEL_HUB_URL = 'https://huggingface.co/';

const SUGGESTION_LANGUAGES = ['en', 'ar', 'it', 'kk'] as const;
/** SUGGESTIONS: JSON of starter questions per interface language, e.g. {"en": ["…?"], "it": ["…?"]}; 1–4 each. */
const suggestionsSchema = z.partialRecord(z.enum(SUGGESTION_LANGUAGES), z.array(z.string().trim().min(1).max(300)).min(1).max(4));

export interface Config {
  corpusDir: string;
  indexDir: string;
  modelsDir: string;
  embedding: {
    /** The model in use: EMBEDDING_MODEL, or (unset) the default until `resolveModel` picks the index's or MODELS_DIR's. */
    model: string;
    /** Whether EMBEDDING_MODEL was set: an explicit model wins over the index's and is never replaced. */
    explicit: boolean;
    quantized: boolean;
    batchSize: number;
    /** Padded tokens per forward pass, at most; undefined: the runtime's measured default. */
    batchTokens?: number;
    offline: boolean;
    /** The model hub (MODEL_HUB_URL, ending in `/`): files are fetched from `{hubUrl}{model}/resolve/{revision}/{file}`. */
    hubUrl: string;
    /** Which ONNX file runs (`auto`: the fastest the folder has; see docs/performance.md). */
    dtype: EmbeddingDtypeSetting;
    /** Worker threads holding the model. */
    threads: number;
    /** onnxruntime threads per forward pass; undefined: cores ÷ threads. */
    intraOpThreads?: number;
    /** Embedding calls that may wait before new ones get 503. */
    queueLimit: number;
  };
  /** A server's memory: what it keeps to answer questions it has seen parts of before, and how its heaps grow. */
  memory: {
    /** Bytes of sentences' and questions' token states the word aligner keeps (ALIGNMENT_CACHE_MB). */
    tokenStateBytes: number;
    /** How far (%) a server's V8 heaps may grow past their live size before a collection (HEAP_GROWTH_PERCENT); 0: V8's own. */
    heapGrowthPercent: number;
  };
  /** `auto`: hybrid when the model loads, lexical otherwise; `hybrid`: the model is required; `lexical`: never load a model. */
  retrieval: 'auto' | 'hybrid' | 'lexical';
  hnsw: { m: number; efConstruction: number; efSearch: number };
  chunking: { maxChars: number; overlapChars: number; shortParagraphChars: number };
  server: {
    host: string;
    port: number;
    corsOrigins: string[];
    rateLimitPerMinute: number;
    apiKey?: string;
    requestTimeoutMs: number;
    logRequests: boolean;
    /** Whose X-Forwarded-For to believe (TRUST_PROXY); default nobody's: the socket address is the client. */
    trustProxy: TrustProxy;
    /** Origin the pages advertise in the embed snippet (PUBLIC_URL, no trailing slash); relative URLs when unset. */
    publicUrl?: string;
  };
  /** Hybrid fusion: the weight of a chunk's lexical coverage beside its balanced dense score (retrieval/fuse-scores.ts). */
  fusion: { lexicalWeight: number };
  /** Present only when both LLM_BASE_URL and LLM_MODEL are set. */
  llm?: { baseUrl: string; model: string; apiKey?: string; timeoutMs: number };
  /** Folder of the feedback JSON-lines file. */
  feedbackDir: string;
  /** Starter questions the widget offers, per interface language (from SUGGESTIONS); empty: none. */
  suggestions: Partial<Record<(typeof SUGGESTION_LANGUAGES)[number], string[]>>;
  /** Document management through /api/documents and /admin; absent (no routes) without ADMIN_API_KEY. */
  admin?: { apiKey: string; maxUploadBytes: number };
  /** What reading one corpus file may cost (READER_*); a file past a limit is skipped with a warning. */
  readerLimits: ReaderLimits;
  /** GET /originals/:file: downloads at once per client, and the time a client may leave a download unread. */
  originals: { perClient: number; idleTimeoutMs: number };
  /** Size at which the feedback file is rotated (FEEDBACK_MAX_BYTES); at most twice this is kept. */
  feedbackMaxBytes: number;
  /** Bounds on what questions cost: embedded characters, questions at once per client and in all (0: no cap). */
  questions: { embedMaxChars: number; perClient: number; inFlight: number };
  /** Present when DATABASE_URL is set: the index lives in PostgreSQL instead of INDEX_DIR. */
  database?: DatabaseConfig;
}

export interface DatabaseConfig {
  /** The primary: builds write here, and reads fall back to it. */
  url: string;
  /** Streaming replicas that serve reads (DATABASE_READ_URLS); empty: the primary serves them. */
  readUrls: string[];
  /** How often a server looks for a new generation. */
  pollMs: number;
  /** Bound on connecting and on each query. */
  timeoutMs: number;
  /** Complete generations kept (the current one included); older ones are dropped after a build. */
  keepGenerations: number;
}

/** Thrown for a bad setting: the message names the variable and what it accepts. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads settings from an environment object (default `process.env`).
 * @example const config = loadConfig({ PORT: '8080' });
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid setting — ${problems}. See "Settings" in README.md.`);
  }
  const e = parsed.data;
  if (Boolean(e.LLM_BASE_URL) !== Boolean(e.LLM_MODEL)) {
    throw new ConfigError('LLM_BASE_URL and LLM_MODEL must be set together (or neither, for extractive answers).');
  }
  let trustProxy: TrustProxy;
  try {
    trustProxy = parseTrustProxy(e.TRUST_PROXY);
  } catch (error) {
    throw new ConfigError(`Invalid setting — TRUST_PROXY: ${(error as Error).message}. See "Settings" in README.md.`);
  }
  if (e.ADMIN_API_KEY && e.ADMIN_API_KEY === e.API_KEY) {
    throw new ConfigError('ADMIN_API_KEY must differ from API_KEY: whoever may ask questions must not be able to change the documents.');
  }
  const resolve = (p: string) => path.resolve(cwd, p);
  const suggestions = parseSuggestions(e.SUGGESTIONS);
  return {
    corpusDir: resolve(e.CORPUS_DIR),
    indexDir: resolve(e.INDEX_DIR),
    modelsDir: resolve(e.MODELS_DIR),
    embedding: {
      model: e.EMBEDDING_MODEL ?? DEFAULT_EMBEDDING_MODEL,
      explicit: e.EMBEDDING_MODEL !== undefined,
      hubUrl: (e.MODEL_HUB_URL ?? DEFAULT_MODEL_HUB_URL).replace(/\/*$/, '/'),
      quantized: e.EMBEDDING_QUANTIZED,
      batchSize: e.EMBEDDING_BATCH_SIZE,
      batchTokens: e.EMBEDDING_BATCH_TOKENS,
      offline: e.OFFLINE,
      dtype: e.EMBEDDING_DTYPE,
      threads: e.EMBEDDING_THREADS,
      intraOpThreads: e.EMBEDDING_INTRA_OP_THREADS,
      queueLimit: e.EMBEDDING_QUEUE_LIMIT,
    },
    memory: { tokenStateBytes: e.ALIGNMENT_CACHE_MB * 1024 * 1024, heapGrowthPercent: e.HEAP_GROWTH_PERCENT },
    retrieval: e.RETRIEVAL,
    hnsw: { m: e.HNSW_M, efConstruction: e.HNSW_EF_CONSTRUCTION, efSearch: e.HNSW_EF_SEARCH },
    chunking: { maxChars: e.CHUNK_MAX_CHARS, overlapChars: e.CHUNK_OVERLAP_CHARS, shortParagraphChars: DEFAULT_HEADING_CHARS },
    server: {
      host: e.HOST,
      port: e.PORT,
      corsOrigins: e.CORS_ORIGINS,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      apiKey: e.API_KEY,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      logRequests: e.LOG_REQUESTS,
      trustProxy,
      publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    },
    fusion: { lexicalWeight: e.FUSION_LEXICAL_WEIGHT },
    llm:
      e.LLM_BASE_URL && e.LLM_MODEL
        ? { baseUrl: e.LLM_BASE_URL, model: e.LLM_MODEL, apiKey: e.LLM_API_KEY, timeoutMs: e.LLM_TIMEOUT_MS }
        : undefined,
    feedbackDir: resolve(e.FEEDBACK_DIR),
    suggestions,
    admin: e.ADMIN_API_KEY ? { apiKey: e.ADMIN_API_KEY, maxUploadBytes: Math.round(e.ADMIN_MAX_UPLOAD_MB * 1024 * 1024) } : undefined,
    readerLimits: {
      timeoutMs: e.READER_TIMEOUT_MS,
      memoryMb: e.READER_MEMORY_MB,
      fileBytes: e.READER_MAX_FILE_BYTES,
      decompressedBytes: e.READER_MAX_DECOMPRESSED_BYTES,
      pages: e.READER_MAX_PAGES,
      operatorsPerPage: e.READER_MAX_OPERATORS_PER_PAGE,
      formDepth: e.READER_MAX_FORM_DEPTH,
      paragraphs: e.READER_MAX_PARAGRAPHS,
      domDepth: e.READER_MAX_DOM_DEPTH,
      domElements: e.READER_MAX_DOM_ELEMENTS,
      textChars: e.READER_MAX_TEXT_CHARS,
    },
    originals: { perClient: e.ORIGINALS_PER_CLIENT, idleTimeoutMs: e.ORIGINALS_IDLE_TIMEOUT_MS },
    feedbackMaxBytes: e.FEEDBACK_MAX_BYTES,
    questions: { embedMaxChars: e.QUERY_EMBED_MAX_CHARS, perClient: e.QUESTIONS_PER_CLIENT, inFlight: e.QUESTIONS_IN_FLIGHT },
    database: parseDatabase(e),
  };
}

function parseDatabase(e: z.infer<typeof schema>): DatabaseConfig | undefined {
  if (!e.DATABASE_URL) {
    if (e.DATABASE_READ_URLS.length > 0) throw new ConfigError('DATABASE_READ_URLS needs DATABASE_URL (the primary) as well.');
    return undefined;
  }
  const check = (name: string, value: string) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError(`Invalid setting — ${name} is not a URL. Use postgres://user:password@host:5432/database.`);
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      throw new ConfigError(`Invalid setting — ${name} must start with postgres:// (got ${url.protocol}//). Use postgres://user:password@host:5432/database.`);
    }
    if (!url.hostname) throw new ConfigError(`Invalid setting — ${name} names no host. Use postgres://user:password@host:5432/database.`);
    return value;
  };
  return {
    url: check('DATABASE_URL', e.DATABASE_URL),
    readUrls: e.DATABASE_READ_URLS.map((u) => check('DATABASE_READ_URLS', u)),
    pollMs: e.DATABASE_POLL_MS,
    timeoutMs: e.DATABASE_TIMEOUT_MS,
    keepGenerations: e.DATABASE_KEEP_GENERATIONS,
  };
}

function parseSuggestions(value: string | undefined): Config['suggestions'] {
  if (!value?.trim()) return {};
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    throw new ConfigError('Invalid setting — SUGGESTIONS must be JSON such as {"en": ["What is …?"], "it": ["Che cos’è …?"]}.');
  }
  const parsed = suggestionsSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'SUGGESTIONS'}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid setting — SUGGESTIONS (${SUGGESTION_LANGUAGES.join(', ')} → 1–4 questions each): ${problems}.`);
  }
  return parsed.data;
}
