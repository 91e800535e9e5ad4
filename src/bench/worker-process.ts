/** Starting a benchmark worker (a TypeScript file) in its own Node process and talking to it over IPC. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A message from or to a worker: plain JSON with a `type`. */
export interface WorkerMessage {
  type: string;
  [key: string]: unknown;
}

export interface Worker {
  pid: number;
  /** Resolves with the next message of `type`; rejects on timeout or if the worker exits first (with its stderr). */
  next(type: string, timeoutMs: number): Promise<WorkerMessage>;
  /** The last message of `type` received so far, whether or not `next` took it (e.g. progress). */
  latest(type: string): WorkerMessage | undefined;
  send(message: WorkerMessage): void;
  /** Kills the worker (SIGKILL after `graceMs` if it ignores SIGTERM) and resolves once it has exited. */
  kill(graceMs?: number): Promise<void>;
}

/** Absolute path of a worker module beside this file. */
export function workerPath(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

/**
 * Runs `file` with `node --import tsx` (one process, so its pid and memory are the worker's own) and the given
 * environment only — the bench decides every setting a worker sees.
 */
export function startWorker(file: string, args: string[], env: Record<string, string>): Worker {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let stderr = '';
  child.stderr!.on('data', (data: Buffer) => {
    stderr = (stderr + data.toString()).slice(-4000);
  });
  const inbox: WorkerMessage[] = [];
  const latest = new Map<string, WorkerMessage>();
  const waiters: { type: string; resolve: (m: WorkerMessage) => void; reject: (e: Error) => void }[] = [];
  let exited: { code: number | null; signal: string | null } | undefined;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      for (const w of waiters.splice(0)) w.reject(exitError());
      resolve();
    }),
  );
  const exitError = () =>
    new Error(`Benchmark worker ${file} exited (code ${exited?.code}, signal ${exited?.signal}) before answering.${stderr ? ` Its stderr:\n${stderr.trim()}` : ''}`);

  child.on('message', (raw) => {
    const message = raw as WorkerMessage;
    latest.set(message.type, message);
    const waiter = waiters.findIndex((w) => w.type === message.type);
    if (waiter >= 0) waiters.splice(waiter, 1)[0]!.resolve(message);
    else inbox.push(message);
  });

  return {
    pid: child.pid ?? -1,
    next(type, timeoutMs) {
      const queued = inbox.findIndex((m) => m.type === type);
      if (queued >= 0) return Promise.resolve(inbox.splice(queued, 1)[0]!);
      if (exited) return Promise.reject(exitError());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(entry), 1);
          reject(new Error(`Benchmark worker ${file} sent no "${type}" within ${Math.round(timeoutMs / 1000)} s.`));
        }, timeoutMs);
        const entry = {
          type,
          resolve: (m: WorkerMessage) => (clearTimeout(timer), resolve(m)),
          reject: (e: Error) => (clearTimeout(timer), reject(e)),
        };
        waiters.push(entry);
      });
    },
    latest: (type) => latest.get(type),
    send(message) {
      if (!exited && child.connected) child.send(message);
    },
    async kill(graceMs = 5000) {
      if (exited) return;
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exitedPromise;
      clearTimeout(force);
    },
  };
}

/** Sends a message to the parent process (no-op when not started as a worker). */
export function sendToParent(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, () => resolve());
  });
}

/** Memory of the current process in bytes: resident now, and the peak so far (getrusage maxrss). */
export function processMemory(): { rssBytes: number; peakRssBytes: number; heapUsedBytes: number } {
  return {
    rssBytes: process.memoryUsage().rss,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    heapUsedBytes: process.memoryUsage().heapUsed,
  };
}
