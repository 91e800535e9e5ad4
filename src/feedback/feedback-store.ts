/** Feedback on answers, kept as one JSON object per line in FEEDBACK_DIR/feedback.jsonl: appended, then fsynced. */
import { mkdir, open, readFile } from 'node:fs/promises';
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
  /** Resolves once the line is on disk (fsync), so an acknowledged piece of feedback survives a crash. */
  append(record: FeedbackRecord): Promise<void>;
  readonly file: string;
}

export const FEEDBACK_FILE = 'feedback.jsonl';

/**
 * A store appending to `dir/feedback.jsonl` (the folder is created on first write). Appends are queued one after
 * another, so lines never interleave.
 * @example await createFeedbackStore('./data/feedback').append(record)
 */
export function createFeedbackStore(dir: string): FeedbackStore {
  const file = path.join(dir, FEEDBACK_FILE);
  let queue: Promise<void> = Promise.resolve();

  async function write(line: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    const handle = await open(file, 'a');
    try {
      await handle.write(line);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  return {
    file,
    append(record) {
      const line = `${JSON.stringify(record)}\n`;
      const done = queue.then(() => write(line));
      queue = done.catch(() => undefined);
      return done;
    },
  };
}

/**
 * Every record of the feedback file; lines that are not valid JSON (a write cut off by a crash) are counted, not fatal.
 * A missing file reads as no feedback.
 * @example const { records, unreadable } = await readFeedback('./data/feedback');
 */
export async function readFeedback(dir: string): Promise<{ records: FeedbackRecord[]; unreadable: number; file: string }> {
  const file = path.join(dir, FEEDBACK_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], unreadable: 0, file };
    throw error;
  }
  const records: FeedbackRecord[] = [];
  let unreadable = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      records.push(JSON.parse(line) as FeedbackRecord);
    } catch {
      unreadable += 1;
    }
  }
  return { records, unreadable, file };
}
