/**
 * /health under question load: starts the server (createRuntime, settings from the environment; the index must be
 * built) in a child process on 127.0.0.1, sends CONNECTIONS (default 64) concurrent uncached questions for
 * DURATION_SEC (default 15) seconds and probes /health every 50 ms. Prints one JSON line.
 * Run: EMBEDDING_MODEL=… INDEX_DIR=… npx tsx scripts/health-under-load.ts
 */
import { readFileSync } from 'node:fs';
import { healthUnderLoad, loadedServerEnv, uncachedQuestionRequests } from '../src/bench/health-under-load.js';
import { startWorker, workerPath } from '../src/bench/worker-process.js';

const connections = Number(process.env.CONNECTIONS ?? 64);
const durationSec = Number(process.env.DURATION_SEC ?? 15);
const questions = readFileSync(new URL('../src/eval/questions.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { question: string }).question);
const worker = startWorker(workerPath('serve-worker.ts'), ['runtime'], loadedServerEnv());
try {
  const ready = await worker.next('ready', 300_000);
  if (!ready.ok) throw new Error(`The server did not start: ${String(ready.error)}`);
  const requests = uncachedQuestionRequests(questions, 20_000, 1_024);
  const result = await healthUnderLoad(String(ready.url), requests, { connections, durationSec, probeEveryMs: 50 });
  console.log(JSON.stringify({ mode: ready.mode, connections, durationSec, health: result.health, ask: { responses: result.load.responses, non2xx: result.load.non2xx, errors: result.load.errors, p50: result.load.latencyMs.p50, p99: result.load.latencyMs.p99 } }));
} finally {
  await worker.kill();
}
