/** The store comparison (step g of `npm run bench`, or `npm run bench:postgres` alone) as a Markdown section. */
import type { PostgresComparison, StoreRun } from './postgres-step.js';

/** The comparison as a Markdown section. */
export function renderPostgresMarkdown(r: PostgresComparison, { step = '', provenance }: { step?: string; provenance: string }): string {
  const took = r.elapsedSec === undefined ? '' : ` The comparison took ${r.elapsedSec} s.`;
  const lines = [`## ${step}File index and PostgreSQL side by side (${r.chunks.toLocaleString('en')} synthetic chunks, random 384-d vectors)`, '', `${provenance}${took}`, ''];
  lines.push('| | files | PostgreSQL |', '|---|---:|---:|');
  const by = (store: StoreRun['store']) => r.stores.find((s) => s.store === store);
  const cell = (store: StoreRun['store'], pick: (s: StoreRun) => string | undefined) => {
    const s = by(store);
    return s ? (pick(s) ?? '–') : '–';
  };
  lines.push(`| build | ${cell('files', (s) => (s.build.status === 'ok' ? `${(s.build.durationMs! / 1000).toFixed(1)} s` : s.build.status))} | ${cell('postgres', (s) => (s.build.status === 'ok' ? `${(s.build.durationMs! / 1000).toFixed(1)} s` : s.build.status))} |`);
  for (const endpoint of ['GET /api/search', 'POST /api/ask']) {
    for (const c of [1, 8]) {
      const v = (store: StoreRun['store']) =>
        cell(store, (s) => {
          const run = s.serving.find((x) => x.endpoint === endpoint && x.connections === c);
          return run ? `${run.p50} / ${run.p95} ms, ${run.requestsPerSec} req/s${run.non2xx ? `, ${run.non2xx} non-2xx` : ''}` : undefined;
        });
      lines.push(`| ${endpoint} c=${c} (p50 / p95) | ${v('files')} | ${v('postgres')} |`);
    }
  }
  lines.push(`| API process RSS after the runs | ${cell('files', (s) => (s.serverRssMB ? `${s.serverRssMB} MB` : undefined))} | ${cell('postgres', (s) => (s.serverRssMB ? `${s.serverRssMB} MB` : undefined))} |`);
  if (r.databaseBytes) lines.push(`| database size (two generations at most) | | ${(r.databaseBytes / 2 ** 20).toFixed(0)} MB |`);
  const one = r.processes.find((p) => p.processes === 1);
  const three = r.processes.find((p) => p.processes === 3);
  if (one && three) {
    lines.push('', `1 API process on the database: ${one.requestsPerSec} search req/s at c=8; 3 processes: ${three.requestsPerSec} req/s in total (×${(three.requestsPerSec / one.requestsPerSec).toFixed(2)}).`);
  }
  if (r.sqlBm25) {
    const q = r.sqlBm25;
    lines.push(
      '',
      `BM25 for the project's questions (${q.queries} queries, same analyzed terms): in the API process p50 ${q.memoryMs.p50} ms / p95 ${q.memoryMs.p95} ms; ` +
        `as one SQL query over a postings table (${(q.tableBytes / 2 ** 20).toFixed(0)} MB, loaded in ${(q.loadMs / 1000).toFixed(1)} s) p50 ${q.sqlMs.p50} ms / p95 ${q.sqlMs.p95} ms; ` +
        `the same top 20 for ${q.sameTop20} of ${q.queries}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
