/**
 * Reading PDF, DOCX and HTML files in a separate Node process with a wall-clock budget and a memory budget per
 * file, so a hostile document (a form nested to explode, a deflate bomb) costs one skipped file, never the build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentFormat } from './document-readers.js';
import type { ParsedFile } from './parse-document.js';
import { READER_LIMIT_SETTINGS, type ReaderLimits } from './reader-limits.js';

/** Reads one corpus file (its corpus-relative name, absolute path and format) into a document or a skip record. */
export interface DocumentReader {
  read(file: string, absolutePath: string, format: DocumentFormat): Promise<ParsedFile>;
  /** Ends the reader process, if one is running. */
  close(): Promise<void>;
}

const MEMORY_POLL_MS = 50;
const START_TIMEOUT_MS = 60_000;

/**
 * A reader that sends each file to a child process (started on first use, restarted after one is stopped). A file
 * the process does not answer within `timeoutMs`, or during which its resident memory passes `memoryMb`, is
 * skipped with a reason naming the setting; the process is killed and the next file gets a fresh one.
 * @example const reader = createIsolatedReader(config.readerLimits); try { await reader.read('a.pdf', '/c/a.pdf', 'pdf') } finally { await reader.close() }
 */
export function createIsolatedReader(limits: ReaderLimits): DocumentReader {
  let child: ChildProcess | undefined;
  let ready: Promise<boolean> = Promise.resolve(false);
  let nextId = 0;

  const start = (): ChildProcess => {
    const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const entry = fileURLToPath(new URL('./reader-process.ts', import.meta.url));
    const heapMb = Math.max(64, Math.floor(limits.memoryMb * 0.75));
    const started = spawn(process.execPath, ['--import', loader, `--max-old-space-size=${heapMb}`, entry], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    started.stderr!.resume();
    // A parent that exits (process.exit after an interrupt) takes its reader along, busy or not.
    const killOnExit = () => started.kill('SIGKILL');
    process.once('exit', killOnExit);
    started.once('exit', () => process.off('exit', killOnExit));
    ready = new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), START_TIMEOUT_MS);
      started.once('message', () => (clearTimeout(timer), resolve(true)));
      started.once('exit', () => (clearTimeout(timer), resolve(false)));
    });
    started.once('exit', () => {
      if (child === started) child = undefined;
    });
    return started;
  };

  const stop = async (running: ChildProcess) => {
    if (child === running) child = undefined;
    if (running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };

  return {
    async read(file, absolutePath, format) {
      const size = await stat(absolutePath).then((s) => s.size);
      if (size > limits.fileBytes) {
        return { skipped: { file, reason: `exceeds the reader limit ${READER_LIMIT_SETTINGS.fileBytes}=${limits.fileBytes} (a ${size}-byte file)` } };
      }
      const worker = (child ??= start());
      if (!(await ready)) {
        await stop(worker);
        return { skipped: { file, reason: `could not be read: the reader process did not start within ${START_TIMEOUT_MS / 1000} s` } };
      }
      const id = (nextId += 1);
      const over = (limit: 'timeoutMs' | 'memoryMb', what: string): ParsedFile => ({
        skipped: { file, reason: `exceeds the reader limit ${READER_LIMIT_SETTINGS[limit]}=${limits[limit]} (${what}); the reader was stopped` },
      });
      let timer: NodeJS.Timeout | undefined;
      let poll: NodeJS.Timeout | undefined;
      let onMessage: ((message: { id: number; parsed: ParsedFile }) => void) | undefined;
      let onExit: ((code: number | null, signal: string | null) => void) | undefined;
      let answered = false;
      try {
        return await new Promise<ParsedFile>((resolve) => {
          onMessage = (message) => {
            if (message.id !== id) return;
            answered = true;
            resolve(message.parsed);
          };
          onExit = (code, signal) =>
            resolve(over('memoryMb', `the reader process ended${signal ? ` by ${signal}` : ` with code ${code}`}, most likely out of memory`));
          worker.on('message', onMessage);
          worker.once('exit', onExit);
          timer = setTimeout(() => resolve(over('timeoutMs', 'not read in time')), limits.timeoutMs);
          poll = setInterval(() => {
            const rss = residentBytes(worker.pid);
            if (rss !== undefined && rss > limits.memoryMb * 1024 * 1024) resolve(over('memoryMb', `${Math.round(rss / 1048576)} MB resident`));
          }, MEMORY_POLL_MS);
          worker.send({ id, file, path: absolutePath, format, limits });
        });
      } finally {
        clearTimeout(timer);
        clearInterval(poll);
        if (onMessage) worker.off('message', onMessage);
        if (onExit) worker.off('exit', onExit);
        // A file that was not answered leaves the process busy (or dead): it is replaced.
        if (!answered) await stop(worker);
      }
    },
    async close() {
      if (child) await stop(child);
    },
  };
}

/** Resident set size of a process from /proc (Linux); undefined elsewhere, where only the heap limit applies. */
function residentBytes(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ')[1]);
    return pages * 4096;
  } catch {
    return undefined;
  }
}
