/**
 * Feedback on answers, kept as one JSON object per line in FEEDBACK_DIR/feedback.jsonl: appended, then fsynced;
 * a write that fails part-way is cut back off, and the file is rotated to feedback.jsonl.1 at FEEDBACK_MAX_BYTES.
 */
import { mkdir, open, readFile, rename, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** One piece of feedback as stored. Only what the reader sent and when: no address, no user agent. */
export interface FeedbackRecord {
  /** ISO time the server received it. */
  receivedAt: string;
  verdict: 'up' | 'down';
  question: string;
  answer: string;
  citations: { id: number; file: string; paragraph: number }[];
  comment?: string;
  /** Request id of the answer the feedback is about (the X-Request-Id of /api/ask or /api/ask/stream). */
  answerRequestId?: string;
  language?: string;
}

export interface FeedbackStore {
  /**
   * Resolves once the whole line is on disk (fsync), so an acknowledged piece of feedback survives a crash.
   * @throws FeedbackWriteError when it could not be written; the file is then as it was before.
   */
  append(record: FeedbackRecord): Promise<void>;
  readonly file: string;
}

/** A record could not be stored (disk full, no permission…); nothing of it was left in the file. */
export class FeedbackWriteError extends Error {
  override name = 'FeedbackWriteError';
}

export const FEEDBACK_FILE = 'feedback.jsonl';
/** The previous file, once the current one reached its size cap (one generation is kept). */
export const ROTATED_FEEDBACK_FILE = `${FEEDBACK_FILE}.1`;

export interface FeedbackStoreOptions {
  /** Size at which feedback.jsonl is renamed to feedback.jsonl.1 (replacing it) and a new file begun. */
  maxBytes?: number;
  /** Opens the file for appending; a test passes a handle whose writes fail. Default: fs.promises.open(file, 'a+'). */
  openFile?: (file: string) => Promise<FileHandle>;
}

// A record is at most the request body limit (64 KB) once escaped; a cut-off line is never longer than this.
const TAIL_BYTES = 1 << 20;

/**
 * A store appending to `dir/feedback.jsonl` (the folder is created on first write). Appends are queued one after
 * another, so lines never interleave. Before each append a line left unfinished by a crash is cut off (it was
 * never acknowledged), so it cannot swallow the next record.
 * @example await createFeedbackStore('./data/feedback', { maxBytes: 64 << 20 }).append(record)
 */
export function createFeedbackStore(dir: string, options: FeedbackStoreOptions = {}): FeedbackStore {
  const file = path.join(dir, FEEDBACK_FILE);
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const openFile = options.openFile ?? ((target: string) => open(target, 'a+'));
  let queue: Promise<void> = Promise.resolve();

  async function write(line: Buffer): Promise<void> {
    await mkdir(dir, { recursive: true });
    let handle = await openFile(file);
    try {
      let size = await lastCompleteLength(handle);
      if (size > 0 && size + line.length > maxBytes) {
        await handle.close();
        await rename(file, path.join(dir, ROTATED_FEEDBACK_FILE));
        handle = await openFile(file);
        size = 0;
      }
      try {
        const { bytesWritten } = await handle.write(line, 0, line.length, size);
        if (bytesWritten !== line.length) throw new Error(`only ${bytesWritten} of ${line.length} bytes were written`);
        await handle.sync();
      } catch (error) {
        // Roll back to the last good length, so no partial record stays for the next one to be glued to.
        await handle.truncate(size).then(() => handle.sync()).catch(() => {});
        throw new FeedbackWriteError(`Feedback could not be written to ${file}: ${(error as Error).message}`);
      }
    } finally {
      await handle.close().catch(() => {});
    }
  }

  return {
    file,
    append(record) {
      const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
      const done = queue.then(() => write(line));
      queue = done.catch(() => undefined);
      return done;
    },
  };
}

/** The file's length up to its last newline; a cut-off last line (from a crash) is truncated away first. */
async function lastCompleteLength(handle: FileHandle): Promise<number> {
  const { size } = await handle.stat();
  if (size === 0) return 0;
  const tailLength = Math.min(size, TAIL_BYTES);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  if (tail[tailLength - 1] === 0x0a) return size;
  const lastNewline = tail.lastIndexOf(0x0a);
  const complete = lastNewline < 0 ? size - tailLength : size - tailLength + lastNewline + 1;
  await handle.truncate(complete);
  return complete;
}

/**
 * Every record of the feedback files (the rotated one first); lines that are not valid JSON are counted, not
 * fatal. Missing files read as no feedback.
 * @example const { records, unreadable } = await readFeedback('./data/feedback');
 */
export async function readFeedback(dir: string): Promise<{ records: FeedbackRecord[]; unreadable: number; file: string }> {
  const file = path.join(dir, FEEDBACK_FILE);
  const records: FeedbackRecord[] = [];
  let unreadable = 0;
  for (const name of [ROTATED_FEEDBACK_FILE, FEEDBACK_FILE]) {
    let text: string;
    try {
      text = await readFile(path.join(dir, name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        records.push(JSON.parse(line) as FeedbackRecord);
      } catch {
        unreadable += 1;
      }
    }
  }
  return { records, unreadable, file };
}
