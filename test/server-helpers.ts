/** Shared by the server tests: the real runtime behind createApp, and checks every answer must pass. */
import { expect } from 'vitest';
import type { Citation } from '../src/answer/types.js';
import type { Config } from '../src/config.js';
import { detectLanguage } from '../src/corpus/language.js';
import type { LoadedIndex } from '../src/index/types.js';
import { createApp } from '../src/server/app.js';
import type { AppDeps } from '../src/server/deps.js';
import { createTestRuntime, type TestRuntime } from './helpers/test-runtime.js';

let runtime: Promise<TestRuntime> | undefined;

/** The real lexical runtime over the default corpus, built once per test file. */
export function sharedRuntime(): Promise<TestRuntime> {
  runtime ??= createTestRuntime();
  return runtime;
}

/** A config copy with some server settings changed. */
export function withServer(config: Config, server: Partial<Config['server']>): Config {
  return { ...config, server: { ...config.server, ...server } };
}

/** createApp over the real runtime; `overrides` replace deps (a config, a log sink, an edge fake). */
export async function createTestApp(overrides: Partial<AppDeps> = {}) {
  const rt = await sharedRuntime();
  const logs: Record<string, unknown>[] = [];
  const app = createApp({ ...rt, detectLanguage, log: (entry) => logs.push(entry), ...overrides });
  return { app, logs, runtime: rt };
}

/** A JSON POST as `app.request` takes it. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** Every citation must quote its paragraph exactly, at its offsets. */
export function expectCitationsVerbatim(index: LoadedIndex, citations: Citation[], answer?: string): void {
  for (const citation of citations) {
    const paragraph = index.documents.get(citation.file)?.paragraphs.find((p) => p.number === citation.paragraph);
    expect(paragraph, `${citation.file} #${citation.paragraph} exists`).toBeDefined();
    expect(citation.text.length).toBeGreaterThan(0);
    expect(paragraph!.text.includes(citation.text)).toBe(true);
    expect(paragraph!.text.slice(citation.start, citation.end)).toBe(citation.text);
    // Quote spans: sentences of the excerpt that the answer repeats.
    for (const span of citation.quotes) {
      expect(span.start).toBeGreaterThanOrEqual(citation.start);
      expect(span.end).toBeLessThanOrEqual(citation.end);
      expect(span.end).toBeGreaterThan(span.start);
      if (answer !== undefined) expect(answer).toContain(paragraph!.text.slice(span.start, span.end));
    }
  }
}

/** An error response must be JSON `{error: {code, message}}`, with no stack trace or source path. */
export async function expectJsonError(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await response.text();
  expect(text).not.toMatch(/\bat .+:\d+:\d+|\/work\/|\.ts\b|node_modules/);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  if (code) expect(body.error.code).toBe(code);
  return body;
}
