import { createHash } from 'node:crypto';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CorpusReadError, readCorpus } from '../src/corpus/read-corpus.js';
import { tempDir } from './helpers/temp-dir.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('corpus-read-');
});

async function put(file: string, content: string | Uint8Array): Promise<Uint8Array> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), bytes);
  return bytes;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('readCorpus', () => {
  it('reads UTF-8 with BOM and CRLF: no BOM or CR in paragraphs, sha256 of the raw bytes', async () => {
    const bytes = await put('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Titolo\r\n\r\nPrima riga.\r\nSeconda riga.\r\n')]));
    const { documents } = await readCorpus(dir);
    expect(documents).toHaveLength(1);
    expect(documents[0].file).toBe('bom.txt');
    expect(documents[0].sha256).toBe(sha256(bytes));
    expect(documents[0].paragraphs.map((p) => p.text)).toEqual(['Titolo', 'Prima riga.', 'Seconda riga.']);
    expect(documents[0].paragraphs.map((p) => p.number)).toEqual([1, 2, 3]);
  });

  it('splits .md files into blank-line-separated blocks', async () => {
    await put('notes.md', '# Kazakhstan\r\n\r\nThe first block\r\nspans two lines.\r\n\r\n\r\nThe second block.\r\n');
    const { documents } = await readCorpus(dir);
    expect(documents[0].paragraphs.map((p) => p.text)).toEqual(['# Kazakhstan', 'The first block\nspans two lines.', 'The second block.']);
  });

  it('skips binary, invalid UTF-8, UTF-16, empty and whitespace-only files with warnings naming them, and goes on', async () => {
    await put('good.txt', 'Un paragrafo in italiano.\n');
    await put('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    await put('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe8, 0x0a])); // "cafè" in Latin-1
    await put('utf16.md', new Uint8Array([0xff, 0xfe, 0x41, 0x00]));
    await put('empty.txt', '');
    await put('blank.md', ' \r\n\t\n\u00a0\n');
    const warnings: string[] = [];
    const { documents, skipped } = await readCorpus(dir, { onWarning: (m) => warnings.push(m) });
    expect(documents.map((d) => d.file)).toEqual(['good.txt']);
    expect(skipped.map((s) => s.file)).toEqual(['blank.md', 'empty.txt', 'image.txt', 'latin1.txt', 'utf16.md']);
    expect(skipped.find((s) => s.file === 'image.txt')!.reason).toMatch(/binary/);
    expect(skipped.find((s) => s.file === 'latin1.txt')!.reason).toMatch(/not valid UTF-8/);
    expect(skipped.find((s) => s.file === 'utf16.md')!.reason).toMatch(/UTF-16/);
    expect(skipped.find((s) => s.file === 'empty.txt')!.reason).toMatch(/empty/);
    expect(skipped.find((s) => s.file === 'blank.md')!.reason).toMatch(/empty/);
    expect(warnings).toHaveLength(5);
    for (const s of skipped) expect(warnings.some((w) => w.includes(s.file) && w.includes(s.reason))).toBe(true);
  });

  it('walks subfolders recursively, sorted, with / separators; ignores other extensions and dot-entries', async () => {
    await put('b.txt', 'Bravo.');
    await put('a/z.md', 'Zulu.');
    await put('a/b/c.txt', 'Charlie.');
    await put('Upper.TXT', 'Upper case extension.');
    await put('notes.odt', 'not a corpus format');
    await put('.git/notes.txt', 'hidden');
    await put('.draft.txt', 'hidden');
    await symlink(path.join(dir, 'b.txt'), path.join(dir, 'link.txt'));
    const { documents, skipped } = await readCorpus(dir);
    expect(documents.map((d) => d.file)).toEqual(['Upper.TXT', 'a/b/c.txt', 'a/z.md', 'b.txt', 'link.txt']);
    expect(skipped).toEqual([]);
  });

  it('is deterministic: the same folder reads the same twice', async () => {
    await put('x/1.txt', 'Қазақстан билігі.\nСайлау.');
    await put('y.md', 'ما هي مبادرة مرصد لا-حرية؟');
    expect(await readCorpus(dir)).toEqual(await readCorpus(dir));
  });

  it('fails with a CorpusReadError that names the folder when it does not exist', async () => {
    const missing = path.join(dir, 'nope');
    await expect(readCorpus(missing)).rejects.toThrow(CorpusReadError);
    await expect(readCorpus(missing)).rejects.toThrow(missing);
  });
});
