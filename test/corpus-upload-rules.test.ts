/** Upload rules: names the corpus can serve, content judged by its bytes (real PDF, DOCX and HTML fixtures pass). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFormatOf } from '../src/corpus/document-readers.js';
import { contentProblem, uploadNameProblem } from '../src/corpus/upload-rules.js';
import { REPO_ROOT } from './helpers/temp-project.js';

describe('uploadNameProblem', () => {
  it('accepts plain names in any script', () => {
    for (const name of ['report.pdf', 'تقرير.docx', 'Есеп 2024.md', 'note.HTM']) expect(uploadNameProblem(name)).toBeUndefined();
  });
  it('refuses folders, hidden names, odd characters, long names and other extensions', () => {
    for (const name of ['', 'a/b.txt', '..\\x.txt', '.env.txt', 'a\u202Eb.txt', 'a%41.txt', ' a.txt', 'a.exe', `${'a'.repeat(201)}.txt`, 'a\u0000.txt']) {
      expect(uploadNameProblem(name), name).toBeDefined();
    }
  });
});

describe('contentProblem', () => {
  it('accepts the real fixtures in their formats', async () => {
    for (const file of ['002_23fe508d9d363cf9.pdf', '003_5696f5a8dd52dece.docx', '002_23fe508d9d363cf9.html']) {
      const bytes = new Uint8Array(await readFile(path.join(REPO_ROOT, 'test/fixtures/documents', file)));
      expect(contentProblem(documentFormatOf(file)!, bytes), file).toBeUndefined();
    }
  });
  it('refuses a format the bytes do not have', async () => {
    const pdf = new Uint8Array(await readFile(path.join(REPO_ROOT, 'test/fixtures/documents', '002_23fe508d9d363cf9.pdf')));
    expect(contentProblem('txt', pdf)).toMatch(/not usable text/);
    expect(contentProblem('docx', pdf)).toMatch(/not a ZIP/);
    expect(contentProblem('pdf', new TextEncoder().encode('hello'))).toMatch(/not a PDF/);
    expect(contentProblem('md', new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toMatch(/UTF-16/);
    expect(contentProblem('txt', new Uint8Array())).toMatch(/empty/);
  });
});
