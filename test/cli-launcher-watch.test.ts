import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { launcherAncestors, watchLaunchers } from '../src/cli/launcher-watch.js';

describe('a command stops when its launcher is killed on its own', () => {
  test('the watch calls back once a launcher process has gone', async () => {
    const launcher = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const gone = new Promise<number>((resolve) => watchLaunchers(resolve, [launcher.pid!], 20));
    launcher.kill('SIGKILL');
    expect(await gone).toBe(launcher.pid);
  });

  test('ancestors are read without failing (the npm/tsx ones, where /proc exists)', () => {
    const pids = launcherAncestors();
    expect(Array.isArray(pids)).toBe(true);
    expect(pids).not.toContain(process.pid);
  });
});
