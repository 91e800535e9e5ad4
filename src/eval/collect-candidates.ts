/** Takes each query's lexical and dense candidate lists from a loaded runtime, for fusion tuning (src/eval/tune-fusion.ts). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { detectLanguage } from '../corpus/language.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { readBeirSet } from './beir-set.js';
import { paragraphKey } from './metrics.js';
import { parseQuestions } from './questions.js';
import { documentFileNames } from './run-beir.js';
import { BALANCE_DEPTH, candidatesFor } from '../retrieval/create-searcher.js';
import type { CandidateLists, TuningSet } from './tune-fusion.js';

/** As many candidates as the searcher takes for /api/ask's 5 hits, and BALANCE_DEPTH times as many dense to balance languages. */
export const CANDIDATES = candidatesFor(5);
const DENSE_CANDIDATES = CANDIDATES * BALANCE_DEPTH;

async function candidates(runtime: Runtime, query: string): Promise<Omit<CandidateLists, 'gold'>> {
  const { index, embedder } = runtime;
  if (!index.dense || !embedder) throw new Error('fusion tuning needs a hybrid index and the embedding model');
  const language = detectLanguage(query);
  return {
    language,
    lexical: index.lexical.search(query, CANDIDATES, language),
    dense: await index.dense.search(await embedder.embedQuery(query), DENSE_CANDIDATES),
  };
}

/** The project's questions as two tuning sets, same-language and cross-lingual (its pairs are too small to tune on alone). */
export async function projectSets(config: Config, questionsPath: string): Promise<TuningSet[]> {
  const questions = parseQuestions(await readFile(questionsPath, 'utf8'), questionsPath);
  const runtime = await createRuntime({ ...config, retrieval: 'hybrid' }, { log: () => {} });
  try {
    const byPair = new Map<string, CandidateLists[]>();
    for (const q of questions) {
      const pair = q.cross ? 'project cross-lingual' : 'project same-language';
      const gold = new Set(q.gold.map(([f, p]) => paragraphKey(f, p)));
      byPair.set(pair, [...(byPair.get(pair) ?? []), { ...(await candidates(runtime, q.question)), gold }]);
    }
    return [...byPair].map(([name, queries]) => ({ name, queries, chunks: runtime.index.chunks, keyOf: (c) => paragraphKey(c.file, c.paragraph) }));
  } finally {
    await runtime.embedder?.dispose();
  }
}

/** A BEIR set whose index `npm run eval -- --beir DIR --cache CACHE` has already built under CACHE/<set>/index. */
export async function beirSet(config: Config, dir: string, cacheDir: string, limit?: number): Promise<TuningSet> {
  const set = await readBeirSet(dir);
  const names = documentFileNames(set.corpus.map((p) => p.id));
  const indexDir = path.join(cacheDir, set.name, 'index');
  const runtime = await createRuntime({ ...config, indexDir, corpusDir: path.join(cacheDir, set.name, 'corpus'), retrieval: 'hybrid' }, { buildIfMissing: false, log: () => {} });
  try {
    const judged = set.queries.filter((q) => set.qrels.has(q.id));
    const queries: CandidateLists[] = [];
    for (const q of limit ? judged.slice(0, limit) : judged) {
      const gold = new Set([...set.qrels.get(q.id)!].map((id) => names.get(id) ?? id));
      queries.push({ ...(await candidates(runtime, q.text)), gold });
    }
    return { name: set.name, queries, chunks: runtime.index.chunks, keyOf: (c) => c.file };
  } finally {
    await runtime.embedder?.dispose();
  }
}
