/** The build `npm start` launches stops when it is aborted (its npm launcher killed), instead of replacing the index as an orphan. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildIndex } from '../src/index/build-index.js';
import { createRuntime } from '../src/runtime.js';
import { createTempProject } from './helpers/temp-project.js';

it('an aborted start-up build writes no index, and leaves a damaged previous one as it was', async () => {
  const { config } = await createTempProject({ RETRIEVAL: 'lexical' });
  const aborted = AbortSignal.abort();
  await expect(createRuntime(config, { signal: aborted })).rejects.toThrow();
  await expect(stat(path.join(config.indexDir, 'manifest.json'))).rejects.toThrow();

  await buildIndex(config);
  const manifest = path.join(config.indexDir, 'manifest.json');
  const damaged = (await readFile(manifest, 'utf8')).replace('"chunks"', '"chunkz"');
  await import('node:fs/promises').then((fs) => fs.writeFile(manifest, damaged));
  // The damaged index would be rebuilt at start; aborted, the rebuild replaces nothing.
  await expect(createRuntime(config, { signal: aborted })).rejects.toThrow();
  expect(await readFile(manifest, 'utf8')).toBe(damaged);
});
