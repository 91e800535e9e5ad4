import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBuildDir, recoverIndexDir, swapIntoPlace } from '../src/index/atomic-dir.js';
import { tempDir } from './helpers/temp-dir.js';

async function tempParent() {
  return tempDir('rag-atomic-');
}

describe('atomic index folder', () => {
  it('replaces the old folder with the new one', async () => {
    const parent = await tempParent();
    const target = path.join(parent, 'index');
    await mkdir(target);
    await writeFile(path.join(target, 'manifest.json'), 'old');
    const built = await createBuildDir(target);
    await writeFile(path.join(built, 'manifest.json'), 'new');
    await swapIntoPlace(built, target);
    expect(await readFile(path.join(target, 'manifest.json'), 'utf8')).toBe('new');
    expect(await readdir(parent)).toEqual(['index']);
  });

  it('leaves the folder of a build running in another process alone', async () => {
    const parent = await tempParent();
    const target = path.join(parent, 'index');
    const running = path.join(parent, `.index-build-index-${process.ppid}-abc`);
    const dead = path.join(parent, '.index-build-index-999999999-abc');
    await mkdir(running);
    await mkdir(dead);
    await recoverIndexDir(target);
    expect(await readdir(parent)).toEqual([path.basename(running)]);
  });

  it('restores an index left aside by an interrupted swap and removes abandoned builds', async () => {
    const parent = await tempParent();
    const target = path.join(parent, 'index');
    await mkdir(path.join(parent, '.index-old-index-1-1'));
    await writeFile(path.join(parent, '.index-old-index-1-1', 'manifest.json'), 'old');
    await createBuildDir(target);
    await recoverIndexDir(target);
    expect(await readFile(path.join(target, 'manifest.json'), 'utf8')).toBe('old');
    expect(await readdir(parent)).toEqual(['index']);
  });
});
