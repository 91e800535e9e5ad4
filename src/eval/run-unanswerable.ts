/**
 * Unanswerable questions: a BEIR set's queries (XQuAD, SQuAD-it, KazQAD…) asked against the configured corpus, which
 * cannot answer them. The service's answer should say so: the share marked grounded is the gate's false alarms.
 */
import type { ProgressFactory } from '../cli/progress.js';
import type { Config } from '../config.js';
import { detectLanguage } from '../corpus/language.js';
import type { BuildEvent } from '../index/build-index.js';
import { createRuntime } from '../runtime.js';
import { readBeirSet } from './beir-set.js';

/** What /api/ask retrieves by default. */
const ASK_TOP_K = 5;

export interface UnanswerableReport {
  /** The set whose queries were asked. */
  set: string;
  /** The corpus they were asked against. */
  corpusDir: string;
  mode: 'hybrid' | 'lexical';
  queries: number;
  /** Shares of answers by support: `markedGrounded` should be near 0, `none` high. */
  markedGrounded: number;
  possible: number;
  none: number;
}

export interface UnanswerableOptions {
  config: Config;
  /** BEIR-style set folders; only their queries are read. */
  dirs: string[];
  /** Ask only the first N queries of each set. */
  limit?: number;
  progress: ProgressFactory;
  onBuildEvent?: (event: BuildEvent) => void;
}

/**
 * Asks each set's queries through the service's runtime (building the index first if there is none).
 * @example const [report] = await runUnanswerable({ config, dirs: ['…/squadit_it-it'], limit: 200, progress });
 */
export async function runUnanswerable(o: UnanswerableOptions): Promise<UnanswerableReport[]> {
  const runtime = await createRuntime(o.config, { onBuildEvent: o.onBuildEvent, log: () => {} });
  const reports: UnanswerableReport[] = [];
  try {
    for (const dir of o.dirs) {
      const set = await readBeirSet(dir);
      const queries = o.limit ? set.queries.slice(0, o.limit) : set.queries;
      const counts = { answered: 0, possible: 0, none: 0 };
      const bar = o.progress(`${set.name} → ${o.config.corpusDir}`, queries.length);
      for (const [i, q] of queries.entries()) {
        const language = detectLanguage(q.text);
        const hits = await runtime.searcher.search(q.text, { topK: ASK_TOP_K, language });
        counts[(await runtime.answerer.answer({ question: q.text, language, hits })).support] += 1;
        bar.update(i + 1);
      }
      bar.stop();
      const share = (n: number) => (queries.length ? n / queries.length : 0);
      reports.push({
        set: set.name,
        corpusDir: o.config.corpusDir,
        mode: runtime.mode === 'lexical' ? 'lexical' : 'hybrid',
        queries: queries.length,
        markedGrounded: share(counts.answered),
        possible: share(counts.possible),
        none: share(counts.none),
      });
    }
  } finally {
    await runtime.embedder?.dispose();
  }
  return reports;
}

const f = (v: number) => v.toFixed(3);

/** The reports as one Markdown table. */
export function renderUnanswerableMarkdown(reports: readonly UnanswerableReport[]): string {
  return [
    '## Unanswerable questions (asked against a corpus that cannot answer them)',
    '',
    '| set | corpus | mode | n | marked grounded | possibly relevant | not in the documents |',
    '|---|---|---|---:|---:|---:|---:|',
    ...reports.map((r) => `| ${r.set} | ${r.corpusDir} | ${r.mode} | ${r.queries} | ${f(r.markedGrounded)} | ${f(r.possible)} | ${f(r.none)} |`),
    '',
  ].join('\n');
}
