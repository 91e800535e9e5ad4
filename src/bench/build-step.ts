/** Benchmark step a: index builds in a child process (fixture model, the configured model, synthetic corpora). */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BenchContext } from './bench-context.js';
import type { BuildRun } from './bench-report.js';
import { round } from './stats.js';
import { startWorker, workerPath } from './worker-process.js';

export interface BuildRequest {
  label: string;
  model: string;
  /** How the worker gets vectors: an embedding model, seeded random vectors, or none (lexical). */
  embedder: 'model' | 'random' | 'none';
  corpusDir: string;
  indexDir: string;
  /** RETRIEVAL for the build: `hybrid` makes a model that cannot load an error instead of a lexical fallback. */
  retrieval: 'auto' | 'hybrid' | 'lexical';
  timeoutMs: number;
}

/** Runs one build in a fresh worker process and reports speed, peak memory and per-stage times. */
export async function runBuild(context: BenchContext, request: BuildRequest): Promise<BuildRun> {
  await mkdir(path.dirname(request.indexDir), { recursive: true });
  const worker = startWorker(workerPath('build-worker.ts'), [request.embedder], {
    ...context.baseEnv,
    CORPUS_DIR: request.corpusDir,
    INDEX_DIR: request.indexDir,
    EMBEDDING_MODEL: request.model,
    RETRIEVAL: request.retrieval,
  });
  const base = { label: request.label, model: request.model };
  try {
    const result = await worker.next('result', request.timeoutMs);
    if (!result.ok) {
      const error = String(result.error);
      // A model that is not on this machine is "unavailable", not a failure of the build code.
      const unavailable = /could not be loaded|Could not load the embedding model/.test(error);
      return { ...base, status: unavailable ? 'unavailable' : 'failed', reason: summarizeReason(error) };
    }
    const durationMs = Number(result.durationMs);
    const chunks = Number(result.chunks);
    const stagesMs = result.stagesMs as Record<string, number>;
    const withoutEmbedding = durationMs - (stagesMs.embed ?? 0) - (stagesMs.model ?? 0);
    return {
      ...base,
      status: 'ok',
      chunks,
      files: Number(result.files),
      retrieval: String(result.retrieval),
      ...(result.reason ? { reason: String(result.reason) } : {}),
      durationMs: round(durationMs, 1),
      chunksPerSec: round(chunks / (durationMs / 1000), 1),
      chunksPerSecWithoutEmbedding: round(chunks / (withoutEmbedding / 1000), 1),
      peakRssMB: round(Number(result.peakRssBytes) / 2 ** 20, 1),
      stagesMs: Object.fromEntries(Object.entries(stagesMs).map(([k, v]) => [k, round(v, 1)])),
    };
  } catch (error) {
    const message = (error as Error).message;
    if (message.includes('sent no "result"')) {
      const stopped = `stopped: did not finish within the ${Math.round(request.timeoutMs / 1000)} s left in the time budget`;
      const p = worker.latest('progress');
      if (!p || !Number(p.done)) return { ...base, status: 'skipped', reason: stopped };
      const embedChunksPerSec = round(Number(p.done) / (Number(p.embedMs) / 1000), 1);
      return {
        ...base,
        status: 'skipped',
        reason: `${stopped}, after embedding ${p.done} of ${p.total} chunks in ${(Number(p.embedMs) / 1000).toFixed(1)} s (${embedChunksPerSec} chunks/s)`,
        partial: { embeddedChunks: Number(p.done), totalChunks: Number(p.total), embedMs: round(Number(p.embedMs), 1), embedChunksPerSec },
      };
    }
    return { ...base, status: 'failed', reason: message };
  } finally {
    await worker.kill();
  }
}

/** The first line of an error plus its "Reason:" line, when it has one (model-load errors list fixes after it). */
export function summarizeReason(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  const reason = lines.find((l) => l.startsWith('Reason:'));
  return reason && reason !== lines[0] ? `${lines[0]} ${reason}` : (lines[0] ?? message);
}
