/** Feedback is acknowledged only once whole on disk; failed or cut-off writes leave no partial record; the file is capped. */
import { open, readFile, stat, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderDislikedAnswers } from '../src/feedback/disliked-report.js';
import { createFeedbackStore, FEEDBACK_FILE, readFeedback, ROTATED_FEEDBACK_FILE, type FeedbackRecord } from '../src/feedback/feedback-store.js';
import { tempDir } from './helpers/temp-dir.js';
import { createTestApp, expectJsonError, postJson } from './server-helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('feedback-');
});

const record = (question: string, comment?: string): FeedbackRecord => ({
  receivedAt: new Date().toISOString(),
  verdict: 'down',
  question,
  answer: 'Una risposta.',
  citations: [{ id: 1, file: 'a.txt', paragraph: 2 }],
  ...(comment && { comment }),
});

/** A real file handle whose writes put down half of what they are given, then fail as a full disk does. */
async function fullDisk(file: string): Promise<FileHandle> {
  const handle = await open(file, 'a+');
  return new Proxy(handle, {
    get(target, property) {
      if (property === 'write') {
        return async (buffer: Buffer) => {
          await target.write(buffer, 0, Math.floor(buffer.length / 2));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('feedback store', () => {
  it('answers 503 JSON when the disk fills mid-write, leaves the file as it was, and stores the next record whole', async () => {
    let diskFull = false;
    const store = createFeedbackStore(dir, { openFile: (file) => (diskFull ? fullDisk(file) : open(file, 'a+')) });
    const { app } = await createTestApp({ feedbackStore: store });
    const body = { verdict: 'down', question: 'Quando?', answer: 'Domani.' };
    expect((await app.request('/api/feedback', postJson(body))).status).toBe(201);
    const before = await readFile(path.join(dir, FEEDBACK_FILE));
    diskFull = true;
    const failed = await app.request('/api/feedback', postJson({ ...body, question: 'Perché?' }));
    expect(failed.headers.get('retry-after')).toBe('60');
    await expectJsonError(failed, 503, 'storage_unavailable');
    expect((await readFile(path.join(dir, FEEDBACK_FILE))).equals(before)).toBe(true);
    diskFull = false;
    expect((await app.request('/api/feedback', postJson({ ...body, question: 'Dove?' }))).status).toBe(201);
    const { records, unreadable } = await readFeedback(dir);
    expect(unreadable).toBe(0);
    expect(records.map((r) => r.question)).toEqual(['Quando?', 'Dove?']);
  });

  it('cuts off a line a crash left unfinished before appending, so the next record is not glued to it', async () => {
    const store = createFeedbackStore(dir);
    await store.append(record('Uno?'));
    await writeFile(path.join(dir, FEEDBACK_FILE), '{"receivedAt":"2026-', { flag: 'a' });
    await store.append(record('Due?'));
    const { records, unreadable } = await readFeedback(dir);
    expect(unreadable).toBe(0);
    expect(records.map((r) => r.question)).toEqual(['Uno?', 'Due?']);
  });

  it('rotates to feedback.jsonl.1 at FEEDBACK_MAX_BYTES, so at most twice the cap is kept', async () => {
    const store = createFeedbackStore(dir, { maxBytes: 2_000 });
    for (let i = 0; i < 40; i += 1) await store.append(record(`Domanda ${i}?`));
    expect((await stat(path.join(dir, FEEDBACK_FILE))).size).toBeLessThanOrEqual(2_000);
    expect((await stat(path.join(dir, ROTATED_FEEDBACK_FILE))).size).toBeLessThanOrEqual(2_000);
    const { records } = await readFeedback(dir);
    expect(records.at(-1)!.question).toBe('Domanda 39?');
    expect(records.map((r) => r.question)).toEqual([...records.map((r) => r.question)].sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0])));
  });
});

describe('triage listing', () => {
  it('escapes control characters and bidirectional overrides in what readers wrote', () => {
    const listing = renderDislikedAnswers([record('Ciao\u001b[2J?', 'evil\u001b]0;title\u0007 \u202eabc\u009b')]);
    expect(listing).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(listing).toContain('Question: Ciao\\u{1b}[2J?');
    expect(listing).toContain('Comment:  evil\\u{1b}]0;title\\u{7} \\u{202e}abc\\u{9b}');
  });
});
