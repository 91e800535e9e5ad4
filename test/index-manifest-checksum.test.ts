/** manifest.json carries a checksum of its own: no single-bit flip of it loads as a different manifest. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildIndex } from '../src/index/build-index.js';
import { parseManifest, readManifest } from '../src/index/manifest.js';
import { createTempProject } from './helpers/temp-project.js';

it('refuses every single-bit flip of manifest.json that would change what it says, naming the file and the rebuild', { timeout: 60_000 }, async () => {
  const { config } = await createTempProject({ RETRIEVAL: 'lexical' });
  await buildIndex(config);
  const original = await readManifest(config.indexDir);
  const bytes = await readFile(path.join(config.indexDir, 'manifest.json'));
  let refused = 0;
  let silent = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    for (let bit = 0; bit < 8; bit += 1) {
      const flipped = Buffer.from(bytes);
      flipped[i] ^= 1 << bit;
      try {
        const manifest = parseManifest(flipped.toString('utf8'), config.indexDir);
        if (JSON.stringify(manifest) !== JSON.stringify(original)) silent += 1;
      } catch (error) {
        expect((error as Error).message).toMatch(/npm run index/);
        refused += 1;
      }
    }
  }
  expect(silent).toBe(0);
  expect(refused).toBeGreaterThan(bytes.length * 8 * 0.99);
});
