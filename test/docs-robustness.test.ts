/** docs/robustness.md states the real defaults of every limit it documents, and documents every reader limit. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { READER_LIMIT_SETTINGS } from '../src/corpus/reader-limits.js';

const doc = readFileSync(new URL('../docs/robustness.md', import.meta.url), 'utf8');
// Table rows "| `VAR` | `default` |" and prose "`VAR` (default `value`…".
const documented = new Map<string, string>([
  ...[...doc.matchAll(/^\| `([A-Z_]+)` \| `([^`]+)`/gm)].map((m) => [m[1]!, m[2]!] as [string, string]),
  ...[...doc.matchAll(/`([A-Z_]+)` \(default `([^`]+)`/g)].map((m) => [m[1]!, m[2]!] as [string, string]),
]);

it('documents every reader limit and the originals, feedback and question settings', () => {
  const expected = [...Object.values(READER_LIMIT_SETTINGS), 'ORIGINALS_PER_CLIENT', 'ORIGINALS_IDLE_TIMEOUT_MS', 'FEEDBACK_MAX_BYTES', 'QUERY_EMBED_MAX_CHARS', 'QUESTIONS_PER_CLIENT', 'QUESTIONS_IN_FLIGHT'];
  expect([...documented.keys()].sort()).toEqual(expected.sort());
});

it.each([...documented])('%s: the documented default is what an unset variable gives', (name, value) => {
  expect(loadConfig({ [name]: value }, '/')).toEqual(loadConfig({}, '/'));
});
