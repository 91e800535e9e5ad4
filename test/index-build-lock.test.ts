import { writeFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { BuildLockedError, lockPath } from '../src/index/build-lock.js';
import { buildIndex } from '../src/index/build-index.js';
import { createTempProject } from './helpers/temp-project.js';

describe('one build at a time per index folder', () => {
  test('a second concurrent build is refused, naming the process that holds the lock; the first completes', async () => {
    const { config } = await createTempProject({ RETRIEVAL: 'lexical' });
    const first = buildIndex(config);
    const second = await buildIndex(config).then(() => undefined, (e: unknown) => e);
    expect(second).toBeInstanceOf(BuildLockedError);
    expect((second as Error).message).toContain(`process ${process.pid}`);
    expect((await first).manifest.files.length).toBeGreaterThan(0);
    await expect(buildIndex(config)).resolves.toBeDefined(); // released afterwards
  });

  test('a lock left by a process that is gone is taken over', async () => {
    const { config } = await createTempProject({ RETRIEVAL: 'lexical' });
    const { hostname } = await import('node:os');
    await writeFile(lockPath(config.indexDir), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), startedAt: '2020-01-01T00:00:00Z' }));
    await expect(buildIndex(config)).resolves.toBeDefined();
  });
});
