import { writeFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { BuildLockedError, lockPath } from '../src/index/build-lock.js';
import { buildIndex } from '../src/index/build-index.js';
import { createTempProject } from './helpers/temp-project.js';

describe('one build at a time per index folder', () => {
  test('a second concurrent build is refused, naming the process that holds the lock; the first completes', async () => {
    const { config } = await createTempProject({ RETRIEVAL: 'lexical' });
    const results = await Promise.allSettled([buildIndex(config), buildIndex(config)]);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    const built = results.filter((r) => r.status === 'fulfilled');
    expect(refused).toHaveLength(1);
    expect(built).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(BuildLockedError);
    expect((refused[0]!.reason as Error).message).toContain(`process ${process.pid}`);
    await expect(buildIndex(config)).resolves.toBeDefined(); // released afterwards
  });

  test('a lock left by a process that is gone is taken over', async () => {
    const { config } = await createTempProject({ RETRIEVAL: 'lexical' });
    const { hostname } = await import('node:os');
    await writeFile(lockPath(config.indexDir), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), startedAt: '2020-01-01T00:00:00Z' }));
    await expect(buildIndex(config)).resolves.toBeDefined();
  });
});
