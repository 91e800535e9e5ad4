import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { AskResponse } from '../src/server/schemas.js';
import { createTestApp, expectCitationsVerbatim, postJson } from './server-helpers.js';

/** Every question the README asks: in JSON request bodies and in `npm run ask -- "…"` commands. */
function readmeQuestions(): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const fromJson = [...readme.matchAll(/-d '(\{[^']*\})'/g)].map((m) => (JSON.parse(m[1]!) as { question: string }).question);
  // `npm run ask -- [--option [value] …] "question"`
  const fromCli = [...readme.matchAll(/npm run ask -- (?:--[\w-]+ (?:[^-"\s]\S* )?)*"([^"…]+)"/g)].map((m) => m[1]!);
  return [...new Set([...fromJson, ...fromCli])];
}

describe("the README's examples (lexical mode, the default corpus)", () => {
  const questions = readmeQuestions();

  test('are found in the README', () => {
    expect(questions.length).toBeGreaterThanOrEqual(3);
    expect(questions).toContain('What sentence did Mamay receive?');
  });

  test.each(questions)('%s: a cited answer, grounded when the question and its passage share a language', async (question) => {
    const { app, runtime } = await createTestApp();
    const response = await app.request('/api/ask', postJson({ question }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as AskResponse;
    expect(body.citations.length).toBeGreaterThan(0);
    expectCitationsVerbatim(runtime.index, body.citations);
    expect(body.support).not.toBe('none');
    expect(body.answer).toMatch(/\[\d+\]/);
    const quoted = Number(/\[(\d+)\]/.exec(body.answer)![1]);
    const language = body.citations.find((c) => c.id === quoted)!.language;
    // Across languages lexical mode has only names to go on: "possible" is its honest best without the model.
    expect(body.support).toBe(language === body.language ? 'answered' : 'possible');
  });
});
