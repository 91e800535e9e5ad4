/**
 * Stopping when the launcher goes: `npm run index` runs npm → sh → tsx → this process; killing only npm (kill -9)
 * would leave the build running as an orphan. This watches the npm and tsx processes above us (Linux: read from
 * /proc) and calls back once one of them has gone. Other ancestors, such as the user's shell, are not watched.
 */
import { readFileSync } from 'node:fs';

const LAUNCHER = /(^|[/\s])(npm|npx|tsx)(\.js|\.mjs|\.cjs)?(\s|$)|npm-cli\.js|tsx\/dist\/cli/;

/** npm/tsx ancestors of this process, nearest first (empty where /proc cannot be read). */
export function launcherAncestors(): number[] {
  const found: number[] = [];
  let pid = process.ppid;
  for (let depth = 0; depth < 6 && pid > 1; depth += 1) {
    const cmdline = readProc(pid, 'cmdline')?.replace(/\0/g, ' ');
    if (cmdline === undefined) break;
    if (LAUNCHER.test(cmdline)) found.push(pid);
    const stat = readProc(pid, 'stat');
    const parent = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
    if (!Number.isInteger(parent)) break;
    pid = parent;
  }
  return found;
}

/**
 * Checks every `intervalMs` that the launcher processes are alive; calls `onGone` once when one is not.
 * @returns a function that stops watching.
 * @example const stop = watchLaunchers(() => controller.abort());
 */
export function watchLaunchers(onGone: (pid: number) => void, pids = launcherAncestors(), intervalMs = 1000): () => void {
  if (pids.length === 0) return () => {};
  const timer = setInterval(() => {
    const gone = pids.find((pid) => !isAlive(pid));
    if (gone !== undefined) {
      clearInterval(timer);
      onGone(gone);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Alive, and not a zombie (a killed process whose parent has not reaped it still answers signal 0). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = readProc(pid, 'stat');
  return stat === undefined || stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

function readProc(pid: number, file: 'cmdline' | 'stat'): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}
