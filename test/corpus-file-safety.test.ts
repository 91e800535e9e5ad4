import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readCorpus } from '../src/corpus/read-corpus.js';
import { tempDir } from './helpers/temp-dir.js';

const TEXT = 'A paragraph long enough to be a real document about the elections in the country.\n';
let dir: string;
let corpus: string;

beforeAll(async () => {
  dir = await tempDir('corpus-safety-');
  corpus = path.join(dir, 'corpus');
  await mkdir(path.join(corpus, 'sub'), { recursive: true });
  await writeFile(path.join(dir, 'secret.txt'), 'root:x:0:0:secret\n');
  await writeFile(path.join(dir, '.env'), 'API_KEY=hunter2\n');
  await writeFile(path.join(corpus, 'real.txt'), TEXT);
  await symlink(path.join(dir, 'secret.txt'), path.join(corpus, 'passwd.txt'));
  await symlink('../../.env', path.join(corpus, 'sub', 'env.md'));
  await symlink('../real.txt', path.join(corpus, 'sub', 'inside-link.txt'));
  for (const name of ['back\\slash.txt', 'ctrl\u0001.txt', '%41.txt', 'rtl\u202Etxt.md']) await writeFile(path.join(corpus, name), TEXT);
});

describe('corpus files that must not be indexed', () => {
  test('a link whose real path leaves the corpus folder is skipped with a warning naming it; a link inside is read', async () => {
    const warnings: string[] = [];
    const { documents, skipped } = await readCorpus(corpus, { onWarning: (w) => warnings.push(w) });
    const files = documents.map((d) => d.file);
    expect(files).toContain('real.txt');
    expect(files).toContain('sub/inside-link.txt');
    expect(files).not.toContain('passwd.txt');
    expect(files).not.toContain('sub/env.md');
    expect(JSON.stringify(documents)).not.toMatch(/secret|hunter2/);
    expect(skipped.find((s) => s.file === 'passwd.txt')?.reason).toMatch(/outside the corpus folder/);
    expect(warnings.some((w) => w.includes('sub/env.md') && w.includes('outside'))).toBe(true);
  });

  test('names a citation could not open (control characters, backslash, %41, bidi override) are skipped and named', async () => {
    const warnings: string[] = [];
    const { documents, skipped } = await readCorpus(corpus, { onWarning: (w) => warnings.push(w) });
    expect(documents.map((d) => d.file).sort()).toEqual(['real.txt', 'sub/inside-link.txt']);
    expect(skipped.map((s) => s.file)).toEqual(expect.arrayContaining(['back\\slash.txt', 'ctrl\u0001.txt', '%41.txt', 'rtl\u202Etxt.md']));
    expect(warnings.some((w) => w.includes('ctrl\\u0001.txt') && w.includes('control character'))).toBe(true);
    expect(warnings.some((w) => w.includes('rtl\\u202etxt.md') && w.includes('bidirectional'))).toBe(true);
    expect(warnings.some((w) => w.includes('%41.txt') && w.includes('percent-encoding'))).toBe(true);
    expect(warnings.join('\n')).not.toMatch(/[\u0001\u202E]/);
  });
});
