/** The one place that reads the environment: parsed and validated once into a typed, fully-defaulted Config. */
import path from 'node:path';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './server/client-address.js';

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

/** Hybrid fusion chosen on data (README, "Fusion tuned on data"): `npm run eval:fusion` reproduces the choice. */
export const DEFAULT_FUSION = { k: 5, lexicalWeight: 0.2 } as const;

/** Every setting, its environment variable and its default. Documented in README.md ("Settings"). */
const schema = z.object({
  CORPUS_DIR: z.string().default('./corpus'),
  INDEX_DIR: z.string().default('./index'),
  MODELS_DIR: z.string().default('./models'),
  EMBEDDING_MODEL: z.string().min(1).default('Xenova/multilingual-e5-small'),
  EMBEDDING_QUANTIZED: flag.default(true),
  EMBEDDING_BATCH_SIZE: int(1, 512).default(16),
  OFFLINE: flag.default(false),
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
  FUSION_RRF_K: int(0, 10_000).default(DEFAULT_FUSION.k),
  FUSION_LEXICAL_WEIGHT: z.coerce.number().min(0).max(100).default(DEFAULT_FUSION.lexicalWeight),
  // PostgreSQL store (docs/postgres.md): unset DATABASE_URL keeps the file index in INDEX_DIR.
  DATABASE_URL: optionalString,
  DATABASE_READ_URLS: csv.default([]),
  DATABASE_POLL_MS: int(100, 600_000).default(2_000),
  DATABASE_TIMEOUT_MS: int(100, 600_000).default(5_000),
  DATABASE_KEEP_GENERATIONS: int(1, 100).default(2),
});

const SUGGESTION_LANGUAGES = ['en', 'ar', 'it', 'kk'] as const;
/** SUGGESTIONS: JSON of starter questions per interface language, e.g. {"en": ["…?"], "it": ["…?"]}; 1–4 each. */
const suggestionsSchema = z.partialRecord(z.enum(SUGGESTION_LANGUAGES), z.array(z.string().trim().min(1).max(300)).min(1).max(4));

export interface Config {
  corpusDir: string;
  indexDir: string;
  modelsDir: string;
  embedding: { model: string; quantized: boolean; batchSize: number; offline: boolean };
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
  /** Weighted reciprocal rank fusion of the hybrid mode: RRF's k and the lexical list's weight (the dense list's is 1). */
  fusion: { k: number; lexicalWeight: number };
  /** Present only when both LLM_BASE_URL and LLM_MODEL are set. */
  llm?: { baseUrl: string; model: string; apiKey?: string; timeoutMs: number };
  /** Folder of the feedback JSON-lines file. */
  feedbackDir: string;
  /** Starter questions the widget offers, per interface language (from SUGGESTIONS); empty: none. */
  suggestions: Partial<Record<(typeof SUGGESTION_LANGUAGES)[number], string[]>>;
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
  const resolve = (p: string) => path.resolve(cwd, p);
  const suggestions = parseSuggestions(e.SUGGESTIONS);
  return {
    corpusDir: resolve(e.CORPUS_DIR),
    indexDir: resolve(e.INDEX_DIR),
    modelsDir: resolve(e.MODELS_DIR),
    embedding: {
      model: e.EMBEDDING_MODEL,
      quantized: e.EMBEDDING_QUANTIZED,
      batchSize: e.EMBEDDING_BATCH_SIZE,
      offline: e.OFFLINE,
    },
    retrieval: e.RETRIEVAL,
    hnsw: { m: e.HNSW_M, efConstruction: e.HNSW_EF_CONSTRUCTION, efSearch: e.HNSW_EF_SEARCH },
    chunking: { maxChars: e.CHUNK_MAX_CHARS, overlapChars: e.CHUNK_OVERLAP_CHARS, shortParagraphChars: 40 },
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
    fusion: { k: e.FUSION_RRF_K, lexicalWeight: e.FUSION_LEXICAL_WEIGHT },
    llm:
      e.LLM_BASE_URL && e.LLM_MODEL
        ? { baseUrl: e.LLM_BASE_URL, model: e.LLM_MODEL, apiKey: e.LLM_API_KEY, timeoutMs: e.LLM_TIMEOUT_MS }
        : undefined,
    feedbackDir: resolve(e.FEEDBACK_DIR),
    suggestions,
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
