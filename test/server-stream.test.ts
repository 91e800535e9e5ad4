import { afterEach, describe, expect, test } from 'vitest';
import type { AnswerEvent, Answerer, Citation } from '../src/answer/types.js';
import type { AskResponse } from '../src/server/schemas.js';
import { AskResponseSchema } from '../src/server/schemas.js';
import { startServer, type ServerHandle } from '../src/server/serve.js';
import { createTestApp, expectCitationsVerbatim, expectJsonError, sharedRuntime, withServer } from './server-helpers.js';
import type { AppDeps } from '../src/server/deps.js';

interface SseEvent {
  event: string;
  data: string;
}

/** Splits an event stream into events (as EventSource would, for the fields we send). */
function parseSse(text: string): SseEvent[] {
  return text
    .split(/\n\n/)
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      return {
        event: lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message',
        data: lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n'),
      };
    });
}

let handle: ServerHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

async function serveTestApp(overrides: Partial<AppDeps> = {}) {
  const { app, logs, runtime } = await createTestApp(overrides);
  handle = await startServer(app, { host: '127.0.0.1', port: 0, handleSignals: false });
  return { url: handle.url, logs, runtime };
}

const streamAsk = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/ask/stream`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('POST /api/ask/stream over a real socket', () => {
  test('citations first, then deltas, then done with the /api/ask response', async () => {
    const { url, runtime } = await serveTestApp();
    expect(handle!.port).toBeGreaterThan(0);
    expect(url).toBe(`http://127.0.0.1:${handle!.port}`);
    const question = 'Quanti prigionieri politici ci sono in Kazakistan?';
    const response = await streamAsk(url, { question });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseSse(await response.text());

    expect(events[0].event).toBe('citations');
    expect(events.at(-1)!.event).toBe('done');
    const middle = events.slice(1, -1);
    expect(middle.length).toBeGreaterThan(0);
    expect(middle.every((e) => e.event === 'delta')).toBe(true);

    const citations = JSON.parse(events[0].data) as Citation[];
    const done = AskResponseSchema.parse(JSON.parse(events.at(-1)!.data)) as AskResponse;
    // The first event names the passages by rank; the final one adds what the answer quoted from them and numbers
    // them in the order the answer cites them.
    const place = ({ quotes: _quotes, id: _id, ...rest }: Citation) => rest;
    expect(new Set(done.citations.map(place))).toEqual(new Set(citations.map(place)));
    expect(citations.every((c) => c.quotes.length === 0)).toBe(true);
    expect(done.citations.some((c) => c.quotes.length > 0)).toBe(true);
    // The deltas are a preview of the quotes as they are chosen; `done` holds the answer laid out under its lead line.
    const streamed = middle.map((e) => (JSON.parse(e.data) as { text: string }).text).join('');
    expect(done.answer.startsWith(`${done.lead}\n`)).toBe(true);
    for (const line of done.answer.split('\n').slice(1)) expect(streamed).toContain(line.replace(/(?:\s*\[\d+\])+$/, ''));
    expect(citations.some((c) => c.file === '002_23fe508d9d363cf9.txt' && c.paragraph === 2)).toBe(true);
    expectCitationsVerbatim(runtime.index, citations);

    const plain = (await (await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })).json()) as AskResponse;
    expect({ ...done, timingsMs: undefined }).toEqual({ ...plain, timingsMs: undefined });
  });

  test('validation errors arrive as JSON before any stream', async () => {
    const { url } = await serveTestApp();
    await expectJsonError(await streamAsk(url, { question: '   ' }), 400, 'invalid_request');
    await expectJsonError(await streamAsk(url, { question: 'x', topK: 99 }), 400, 'invalid_request');
  });

  test('a failure after the stream started becomes an error event, without internal details', async () => {
    const runtime = await sharedRuntime();
    const failing: Answerer = {
      ...runtime.answerer,
      async *stream(): AsyncIterable<AnswerEvent> {
        yield { type: 'delta', text: 'Partial' };
        throw new Error('model backend exploded at /srv/internal.ts:3:7');
      },
    };
    const { url, logs } = await serveTestApp({ answerer: failing });
    const response = await streamAsk(url, { question: 'elezioni' }, { 'x-request-id': 'stream-fail-1' });
    expect(response.status).toBe(200);
    const events = parseSse(await response.text());
    expect(events.map((e) => e.event)).toEqual(['citations', 'delta', 'error']);
    const error = JSON.parse(events[2].data) as { code: string; message: string };
    expect(error.code).toBe('internal_error');
    expect(error.message).toContain('stream-fail-1');
    expect(error.message).not.toContain('exploded');
    expect(logs.find((l) => l.level === 'error')).toMatchObject({ requestId: 'stream-fail-1' });
  });

  test('an answer slower than requestTimeoutMs ends with a timeout error event', async () => {
    const runtime = await sharedRuntime();
    const stalling: Answerer = {
      ...runtime.answerer,
      async *stream(_input, signal): AsyncIterable<AnswerEvent> {
        yield { type: 'delta', text: 'Thinking' };
        await new Promise((_, reject) => signal!.addEventListener('abort', () => reject(signal!.reason)));
      },
    };
    const { url } = await serveTestApp({ answerer: stalling, config: withServer(runtime.config, { requestTimeoutMs: 150 }) });
    const events = parseSse(await (await streamAsk(url, { question: 'elezioni' })).text());
    expect(events.map((e) => e.event)).toEqual(['citations', 'delta', 'error']);
    expect(JSON.parse(events[2].data)).toMatchObject({ code: 'timeout' });
  });
});

describe('startServer', () => {
  test('close() stops listening; a busy port is reported clearly', async () => {
    const { url } = await serveTestApp();
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const { app } = await createTestApp();
    await expect(startServer(app, { host: '127.0.0.1', port: handle!.port, handleSignals: false })).rejects.toThrow(/already in use/);
    await handle!.close();
    handle = undefined;
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});
