/**
 * Reads spread over replicas with the primary as fallback: a failing server is skipped for a while and tried again
 * later, a lagging one is passed over without being marked down, and each read tries each server at most once.
 * The pools are fakes (the edge); the routing is the real code.
 */
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../src/config.js';
import { NotReplicatedYet, createReadRouter } from '../src/index/postgres/read-router.js';

const database: DatabaseConfig = { url: 'postgres://primary/rag', readUrls: ['postgres://r1/rag', 'postgres://r2/rag'], pollMs: 2000, timeoutMs: 1000, keepGenerations: 2 };

function setup() {
  const logs: string[] = [];
  let clock = 0;
  const primary = { name: 'primary' } as unknown as pg.Pool;
  const router = createReadRouter(database, primary, (entry) => logs.push(String(entry.msg)), { now: () => clock });
  const names = (pool: pg.Pool) => (pool === primary ? 'primary' : (pool as unknown as { options: { connectionString: string } }).options.connectionString.slice(11, 13));
  return { router, names, logs, advance: (ms: number) => (clock += ms) };
}

describe('the read router', () => {
  it('takes turns among the replicas and leaves the primary alone while they answer', async () => {
    const { router, names } = setup();
    const used: string[] = [];
    for (let i = 0; i < 4; i++) await router.run(async (pool) => used.push(names(pool)));
    expect(used).toEqual(['r1', 'r2', 'r1', 'r2']);
    await router.close();
  });

  it('moves on from a failing replica within the same read, skips it for a while, then tries it again', async () => {
    const { router, names, logs, advance } = setup();
    let r1Down = true;
    const used: string[] = [];
    const read = () =>
      router.run(async (pool) => {
        used.push(names(pool));
        if (names(pool) === 'r1' && r1Down) throw new Error('Connection terminated unexpectedly');
        return 'ok';
      });
    expect(await read()).toBe('ok');
    expect(used).toEqual(['r1', 'r2']);
    expect(logs.some((l) => /r1:5432\/rag failed a read; trying the next server, and skipping this one for 1000 ms/.test(l))).toBe(true);
    used.length = 0;
    await read();
    await read();
    expect(used).toEqual(['r2', 'r2']);
    r1Down = false;
    advance(1001);
    used.length = 0;
    await read();
    await read();
    expect(used).toContain('r1');
    expect(logs.some((l) => /r1:5432\/rag answers again/.test(l))).toBe(true);
    await router.close();
  });

  it('falls back to the primary when no replica answers, and fails only when no server does, after one try each', async () => {
    const { router, names } = setup();
    const used: string[] = [];
    const result = await router.run(async (pool) => {
      used.push(names(pool));
      if (names(pool) !== 'primary') throw new Error('ECONNREFUSED');
      return 'from primary';
    });
    expect(result).toBe('from primary');
    expect(used).toEqual(['r1', 'r2', 'primary']);
    used.length = 0;
    await expect(router.run(async (pool) => (used.push(names(pool)), Promise.reject(new Error('down'))))).rejects.toThrow('down');
    expect(used.sort()).toEqual(['primary', 'r1', 'r2']);
    await router.close();
  });

  it('passes over a replica that lags behind without marking it down', async () => {
    const { router, names, logs } = setup();
    const used: string[] = [];
    await router.run(async (pool) => {
      used.push(names(pool));
      if (names(pool) === 'r1') throw new NotReplicatedYet('generation 7 is not complete on this server yet');
    });
    expect(used).toEqual(['r1', 'r2']);
    expect(logs).toEqual([]);
    await router.close();
  });
});
