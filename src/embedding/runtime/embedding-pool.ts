/**
 * Worker threads that each hold the model, so forward passes never run on the event loop (the server's /health and
 * every other request stay responsive). Calls wait in a bounded queue; when it is full a call fails at once with
 * `EmbeddingBusyError`, which the server answers with 503.
 */
import { Worker } from 'node:worker_threads';
import type { TokenStates } from '../token-states.js';
import type { EncoderSettings } from './onnx-encoder.js';
import type { JobRequest, WorkerReply, WorkerRequest } from './worker-messages.js';

/** The queue of waiting embedding calls is full: the server is overloaded; try again shortly. */
export class EmbeddingBusyError extends Error {
  override name = 'EmbeddingBusyError';
}

export interface PoolSettings {
  encoder: EncoderSettings;
  /** Worker threads, each with its own copy of the model (EMBEDDING_THREADS). */
  threads: number;
  /** Calls allowed to wait for a free worker (EMBEDDING_QUEUE_LIMIT). */
  queueLimit: number;
}

export interface EmbeddingPool {
  dimensions: number;
  hasTokenStates: boolean;
  embed(texts: string[]): Promise<Float32Array[]>;
  tokenStates(texts: string[], prefix: string): Promise<TokenStates[]>;
  /** Token states and the vector of each `prefix + text`, from one forward pass. */
  encode(texts: string[], prefix: string): Promise<{ states: TokenStates[]; vectors: Float32Array[] }>;
  /** Calls waiting for a worker now. */
  readonly queued: number;
  dispose(): Promise<void>;
}

type Job = { request: JobRequest; resolve: (reply: WorkerReply & { ok: true }) => void; reject: (error: Error) => void };

/**
 * The first waiting job and the later ones asking the same (op and prefix), while their texts stay within `maxTexts`:
 * concurrent questions share a pass instead of queueing one pass each. A text's output does not depend on its batch.
 */
function takeBatch(waiting: Job[], maxTexts: number): Job[] {
  const first = waiting.shift()!;
  const jobs = [first];
  let texts = first.request.texts.length;
  for (let i = 0; i < waiting.length && texts < maxTexts; ) {
    const { request } = waiting[i]!;
    if (sameKind(request, first.request) && texts + request.texts.length <= maxTexts) {
      jobs.push(...waiting.splice(i, 1));
      texts += request.texts.length;
    } else i += 1;
  }
  return jobs;
}

function sameKind(a: JobRequest, b: JobRequest): boolean {
  return a.op === 'embed' ? b.op === 'embed' : b.op === 'tokenStates' && a.prefix === b.prefix && a.withVectors === b.withVectors;
}

/** Hands each job of a shared pass its own slice of the reply, in order. */
function shareReply(jobs: readonly Job[], reply: WorkerReply & { ok: true }) {
  let from = 0;
  for (const job of jobs) {
    const to = from + job.request.texts.length;
    job.resolve({ ...reply, vectors: reply.vectors?.slice(from, to), states: reply.states?.slice(from, to) });
    from = to;
  }
}

/**
 * Texts that calls waiting together may share one pass with (a call larger than that runs alone, whole). Small shared
 * passes hand their questions back to the event loop sooner, so the loop aligns and answers one group while the worker
 * encodes the next instead of both waiting on each other. Measured on 2 cores, int8, corpus/'s hybrid index, 3,000
 * new questions at c=8, alternating: 4 texts 165–180 asks/s, 3 168–173, 6 159–160, 8 138–146, 16 143–155, 1 123–148.
 */
const SHARED_PASS_TEXTS = 4;

/**
 * A worker's young generation (V8 gives it ~48 MB otherwise): what it allocates is tokenizer garbage and output
 * arrays that die young. Measured on corpus/ after 3,000 distinct questions: the worker's heap 54 → 28 MB, the same
 * CPU time per question.
 */
const WORKER_YOUNG_GENERATION_MB = 4;

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL(`./embedding-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;

/** Starts one worker and waits for its model to open. */
function startWorker(encoder: EncoderSettings): Promise<{ worker: Worker; ready: { dimensions: number; hasTokenStates: boolean } }> {
  const worker = new Worker(BOOT, { workerData: { entry: ENTRY, settings: encoder }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (reply: WorkerReply) => {
      worker.off('error', reject);
      if (reply.ok && reply.ready) resolve({ worker, ready: reply.ready });
      else void worker.terminate().then(() => reject(new Error(reply.ok ? 'the worker sent no model facts' : reply.message)));
    });
  });
}

/**
 * Starts `threads` workers (one after another, so two models are never read at once) and returns the pool.
 * @example const pool = await createEmbeddingPool({ encoder, threads: 1, queueLimit: 128 }); await pool.embed(['passage: …']);
 */
export async function createEmbeddingPool(s: PoolSettings): Promise<EmbeddingPool> {
  const started: Awaited<ReturnType<typeof startWorker>>[] = [];
  try {
    for (let i = 0; i < Math.max(1, s.threads); i++) started.push(await startWorker(s.encoder));
  } catch (error) {
    await Promise.all(started.map(({ worker }) => worker.terminate()));
    throw error;
  }
  const idle = started.map(({ worker }) => worker);
  const alive = new Set(idle);
  const waiting: Job[] = [];
  const running = new Map<Worker, Job[]>();
  let nextId = 1;
  let disposed = false;

  const dispatch = () => {
    while (idle.length && waiting.length) {
      const worker = idle.pop()!;
      if (!alive.has(worker)) continue;
      const jobs = takeBatch(waiting, Math.min(s.encoder.batchSize, SHARED_PASS_TEXTS));
      running.set(worker, jobs);
      worker.ref(); // a worker keeps the process alive only while it works: an idle pool never holds a command open
      worker.postMessage({ ...jobs[0]!.request, texts: jobs.flatMap((job) => job.request.texts), id: nextId++ } as WorkerRequest);
    }
  };
  for (const worker of idle) {
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const jobs = running.get(worker) ?? [];
      running.delete(worker);
      idle.push(worker);
      worker.unref();
      if (reply.ok) shareReply(jobs, reply);
      else for (const job of jobs) job.reject(new Error(`embedding failed: ${reply.message}`));
      dispatch();
    });
    worker.on('error', (error: unknown) => {
      for (const job of running.get(worker) ?? []) job.reject(error instanceof Error ? error : new Error(String(error)));
      running.delete(worker);
    });
    worker.on('exit', () => {
      // A worker that died (out of memory, a native crash) is gone; with none left, nothing may wait forever.
      alive.delete(worker);
      for (const job of running.get(worker) ?? []) job.reject(new Error('an embedding worker stopped'));
      running.delete(worker);
      if (!alive.size && !disposed) for (const job of waiting.splice(0)) job.reject(new Error('every embedding worker stopped'));
    });
  }

  const submit = (request: JobRequest) =>
    new Promise<WorkerReply & { ok: true }>((resolve, reject) => {
      if (disposed) return reject(new Error('the embedding pool was closed'));
      if (!alive.size) return reject(new Error('every embedding worker stopped'));
      if (waiting.length >= s.queueLimit) {
        return reject(new EmbeddingBusyError(`${waiting.length} embedding calls are already waiting (EMBEDDING_QUEUE_LIMIT); try again shortly.`));
      }
      waiting.push({ request, resolve, reject });
      dispatch();
    });

  return {
    dimensions: started[0]!.ready.dimensions,
    hasTokenStates: started[0]!.ready.hasTokenStates,
    embed: async (texts) => {
      // A long call is shared out so that every worker works on it (a build's batches, a page of sentences).
      const parts = Math.min(started.length, Math.ceil(texts.length / s.encoder.batchSize));
      if (parts <= 1) return texts.length ? (await submit({ op: 'embed', texts })).vectors! : [];
      const size = Math.ceil(texts.length / parts);
      const slices = Array.from({ length: parts }, (_, i) => texts.slice(i * size, (i + 1) * size));
      return (await Promise.all(slices.map((slice) => submit({ op: 'embed', texts: slice })))).flatMap((r) => r.vectors!);
    },
    tokenStates: async (texts, prefix) => (texts.length ? (await submit({ op: 'tokenStates', texts, prefix, withVectors: false })).states! : []),
    encode: async (texts, prefix) => {
      if (!texts.length) return { states: [], vectors: [] };
      const reply = await submit({ op: 'tokenStates', texts, prefix, withVectors: true });
      return { states: reply.states!, vectors: reply.vectors! };
    },
    get queued() {
      return waiting.length;
    },
    dispose: async () => {
      disposed = true;
      for (const job of [...waiting.splice(0), ...[...running.values()].flat()]) job.reject(new Error('the embedding pool was closed'));
      running.clear();
      await Promise.all(started.map(({ worker }) => worker.terminate()));
    },
  };
}
