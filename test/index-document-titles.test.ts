/** An index saved before documents had titles still loads, its documents titled as a build now titles them. */
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readIndexChunks } from '../src/index/chunk-store.js';
import { indexPath } from '../src/index/index-files.js';
import { tempDir } from './helpers/temp-dir.js';

describe('readIndexChunks', () => {
  it('derives the title of documents saved without one, and keeps an HTML title', async () => {
    const dir = await tempDir('index-titles-');
    const documents = [
      { file: 'kk.txt', sha256: 'a'.repeat(64), language: 'kk', paragraphs: [{ number: 1, text: 'Қазақстандағы сайлау', language: 'kk' }, { number: 2, text: 'Мәтін.', language: 'kk' }] },
      { file: 'a.md', sha256: 'b'.repeat(64), language: 'it', paragraphs: [{ number: 1, text: '---\ntitle: Elezioni\n---', language: 'it' }, { number: 2, text: 'Testo.', language: 'it' }] },
      { file: 'p.html', sha256: 'c'.repeat(64), language: 'ar', title: 'تقرير مرصد', paragraphs: [{ number: 1, text: 'نص.', language: 'ar' }] },
    ];
    const chunks = [{ id: 'kk.txt#2:0', file: 'kk.txt', paragraph: 2, start: 0, end: 6, language: 'kk' }];
    await writeFile(indexPath(dir, 'documents'), JSON.stringify(documents));
    await writeFile(indexPath(dir, 'chunks'), JSON.stringify(chunks));

    const loaded = await readIndexChunks(dir);
    expect([...loaded.documents.values()].map((d) => d.title)).toEqual(['Қазақстандағы сайлау', 'Elezioni', 'تقرير مرصد']);
    expect(loaded.chunks[0].text).toBe('Мәтін.');
  });
});
