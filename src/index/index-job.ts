/**
 * The background index job: changes to the corpus ask for a build; one build runs at a time, and requests that
 * arrive meanwhile are merged into one queued build, so the last change is always indexed.
 */
import type { SkippedFile } from '../corpus/types.js';
import type { BuildEvent, BuildReport } from './build-index.js';

export interface IndexJobStatus {
  /** `running` while a build works; otherwise how the last one ended (`idle` before any). */
  state: 'idle' | 'running' | 'done' | 'failed';
  /** Whether another build will start when this one ends (changes arrived during it). */
  queued: boolean;
  /** What the running (or last) build was asked for, e.g. "uploaded report.pdf". */
  reasons: string[];
  /** The stage the running build is in, and embedding progress when it embeds. */
  stage?: string;
  progress?: { done: number; total: number };
  startedAt?: string;
  finishedAt?: string;
  /** The last finished build: what it indexed, what it skipped and why, or why it failed. */
  last?: { ok: boolean; finishedAt: string; durationMs: number; files?: number; chunks?: number; embedded?: number; reused?: number; skipped: SkippedFile[]; error?: string };
}

export interface IndexJobDeps {
  /** Runs the build (buildIndex), reporting events; it must leave the previous index in place when it fails. */
  build: (onEvent: (event: BuildEvent) => void) => Promise<BuildReport>;
  /** Puts the new index into service (load it, swap it in); a failure here counts as a failed build. */
  apply: (report: BuildReport) => Promise<void>;
  log?: (entry: Record<string, unknown>) => void;
  now?: () => Date;
}

export interface IndexJob {
  /** Asks for a build; starts one now, or queues one when a build runs. */
  request(reason: string): IndexJobStatus;
  status(): IndexJobStatus;
  /** Calls `listener` on every status change until the returned function is called. */
  subscribe(listener: (status: IndexJobStatus) => void): () => void;
  /** Resolves when no build runs and none is queued. */
  settled(): Promise<void>;
}

/**
 * Creates the job. Nothing runs until `request` is called.
 * @example const job = createIndexJob({ build: (onEvent) => buildIndex(config, { onEvent }), apply: swapIn }); job.request('uploaded a.txt');
 */
export function createIndexJob(deps: IndexJobDeps): IndexJob {
  const now = deps.now ?? (() => new Date());
  const listeners = new Set<(status: IndexJobStatus) => void>();
  let status: IndexJobStatus = { state: 'idle', queued: false, reasons: [] };
  let queuedReasons: string[] = [];
  let running: Promise<void> | undefined;

  const update = (change: Partial<IndexJobStatus>) => {
    status = { ...status, ...change };
    for (const listener of listeners) listener(status);
  };

  async function runOnce(reasons: string[]): Promise<void> {
    const started = performance.now();
    update({ state: 'running', queued: false, reasons, stage: 'waiting', progress: undefined, startedAt: now().toISOString(), finishedAt: undefined });
    try {
      const report = await deps.build((event) => {
        if (event.type === 'stage') update({ stage: event.stage });
        else if (event.type === 'embed') update({ progress: { done: event.done, total: event.total } });
      });
      update({ stage: 'swap' });
      await deps.apply(report);
      const finishedAt = now().toISOString();
      const last = { ok: true, finishedAt, durationMs: Math.round(performance.now() - started), files: report.manifest.files.length, chunks: report.manifest.chunks, embedded: report.embedded, reused: report.reused, skipped: report.skipped };
      update({ state: 'done', stage: undefined, finishedAt, last });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.log?.({ level: 'warn', msg: `Index build failed; the previous index is still served. ${message}` });
      const finishedAt = now().toISOString();
      update({ state: 'failed', stage: undefined, finishedAt, last: { ok: false, finishedAt, durationMs: Math.round(performance.now() - started), skipped: status.last?.skipped ?? [], error: message } });
    }
  }

  async function drain(): Promise<void> {
    while (queuedReasons.length > 0) {
      const reasons = queuedReasons;
      queuedReasons = [];
      await runOnce(reasons);
    }
    running = undefined;
  }

  return {
    request(reason) {
      queuedReasons.push(reason);
      if (running) update({ queued: true });
      else running = drain();
      return status;
    },
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async settled() {
      while (running) await running;
    },
  };
}
