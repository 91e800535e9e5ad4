/**
 * Evaluation on any BEIR-style set through the product's own path: the set's corpus becomes a folder of documents
 * (one per record; the record's `_id` is the citation's file), `buildIndex` indexes it into a cached INDEX_DIR (so
 * vectors are reused between runs), and every query runs through the searcher and answerer the API uses.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProgressFactory } from '../cli/progress.js';
import type { Config } from '../config.js';
import { detectLanguage } from '../corpus/language.js';
import { openEmbedder } from '../embedding/open-embedder.js';
import { buildIndex, type BuildEvent } from '../index/build-index.js';
import type { RetrievalMode } from '../retrieval/types.js';
import { createRuntime } from '../runtime.js';
import { containsGoldString, judgeAnswer, summarizeAnswers, type AnswerOutcome, type AnswerSummary } from './answer-metrics.js';
import { readBeirSet, type BeirPassage, type BeirQuery } from './beir-set.js';
import { ndcgAtK, reciprocalRank, recallAtK } from './metrics.js';

export const BEIR_MODES: RetrievalMode[] = ['lexical', 'dense', 'hybrid'];
const DEPTH = 10;
/** What /api/ask retrieves by default. */
const ASK_TOP_K = 5;

export interface BeirModeRow extends Omit<AnswerSummary, 'questions'> {
  mode: RetrievalMode;
  queries: number;
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  mrr: number;
  ndcgAt10: number;
  /** Share of queries with gold answers whose answer text (as /api/ask returns it) contains one; undefined without answers. */
  answerContainsGold?: number;
  /** Share of answers marked grounded. */
  grounded: number;
}

export interface BeirReport {
  set: string;
  dir: string;
  passages: number;
  queries: number;
  queriesWithAnswers: number;
  model: string | null;
  indexRetrieval: 'hybrid' | 'lexical';
  lexicalReason?: string;
  rows: BeirModeRow[];
  /** Seconds spent building the index (embedding included) and answering. */
  buildSeconds: number;
  querySeconds: number;
}

export interface BeirOptions {
  config: Config;
  dir: string;
  modes: RetrievalMode[];
  /** Evaluate only the first N queries that have relevance judgements. */
  limit?: number;
  /** Where the set's documents and index are kept between runs (vectors are reused from there). */
  cacheDir: string;
  progress: ProgressFactory;
  onBuildEvent?: (event: BuildEvent) => void;
}

/** A file name for a record id: characters a path cannot hold become `_`; clashes get a counter. */
export function documentFileNames(ids: readonly string[]): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const id of ids) {
    const base = id.replace(/[\u0000-\u001f\u007f/\\%:*?"<>|\u202a-\u202e\u2066-\u2069]/g, '_').replace(/^\.+/, '_').slice(0, 180);
    let name = `${base}.txt`;
    for (let n = 2; used.has(name); n++) name = `${base}~${n}.txt`;
    used.add(name);
    names.set(id, name);
  }
  return names;
}

/** A record as a document: its title as the first paragraph when it has one, its text on the lines after. */
function documentText(p: BeirPassage): string {
  const body = p.text.replace(/\r\n?/g, '\n').trim();
  return `${p.title ? `${p.title.trim()}\n` : ''}${body || p.id}\n`;
}

async function writeCorpus(dir: string, corpus: BeirPassage[], names: Map<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const wanted = new Set(names.values());
  for (const name of await readdir(dir)) if (!wanted.has(name)) await rm(path.join(dir, name), { force: true });
  for (const p of corpus) await writeFile(path.join(dir, names.get(p.id)!), documentText(p));
}

/** Whether any gold answer string stands in the answer text (case, width and spacing ignored). */
export const answerContainsGold = containsGoldString;

const mean = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0);

/**
 * Indexes the set and scores each requested mode.
 * @throws Error when a dense mode is asked for but the model cannot be loaded.
 */
export async function runBeir(o: BeirOptions): Promise<BeirReport> {
  const set = await readBeirSet(o.dir);
  const judged = set.queries.filter((q) => set.qrels.has(q.id));
  const queries: BeirQuery[] = o.limit ? judged.slice(0, o.limit) : judged;
  const names = documentFileNames(set.corpus.map((p) => p.id));
  const idOfFile = new Map([...names].map(([id, name]) => [name, id]));
  const corpusDir = path.join(o.cacheDir, set.name, 'corpus');
  const wantsModel = o.modes.some((m) => m !== 'lexical');
  // A lexical-only run has its own index, so it never drops the vectors a model run keeps for the next one.
  const indexDir = path.join(o.cacheDir, set.name, wantsModel ? 'index' : 'index-lexical');
  await writeCorpus(corpusDir, set.corpus, names);

  const config: Config = { ...o.config, corpusDir, indexDir };
  const buildStarted = performance.now();
  // One model serves the build and the queries, and is closed at the end: an open pool would keep the command alive.
  let opened: ReturnType<typeof openEmbedder> | undefined;
  const openOnce = () => (opened ??= openEmbedder(config));
  try {
    // Built (incrementally) every run, so the index always matches the set and the configured model.
    await buildIndex(config, { loadEmbedder: wantsModel ? openOnce : undefined, onEvent: o.onBuildEvent });
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    const runtime = await createRuntime(
      { ...config, retrieval: wantsModel ? 'hybrid' : 'lexical' },
      { buildIfMissing: false, log: () => {}, queryCacheEntries: Math.max(2000, queries.length), openEmbedder: openOnce },
    );
    const queryStarted = performance.now();
    if (wantsModel && runtime.embedder && runtime.queryCache) {
      // One batched pass instead of a model call per query: the vectors embedQuery would give, computed together.
      const prefix = runtime.embedder.profile.queryPrefix;
      const bar = o.progress(`${set.name} query vectors`, queries.length);
      for (let from = 0; from < queries.length; from += 256) {
        const batch = queries.slice(from, from + 256);
        const vectors = await runtime.embedder.embedRaw(batch.map((q) => prefix + q.text));
        runtime.queryCache.prime(batch.map((q, i) => [q.text, vectors[i]!]));
        bar.update(from + batch.length);
      }
      bar.stop();
    }
    const rows: BeirModeRow[] = [];
    for (const mode of o.modes) {
      const bar = o.progress(`${set.name} ${mode}`, queries.length);
      const scores = { r1: [] as number[], r5: [] as number[], r10: [] as number[], mrr: [] as number[], ndcg: [] as number[], answer: [] as number[], grounded: [] as number[] };
      const outcomes: AnswerOutcome[] = [];
      for (const [i, q] of queries.entries()) {
        const language = detectLanguage(q.text);
        const hits = await runtime.searcher.search(q.text, { topK: DEPTH, mode, language });
        const ranked = [...new Set(hits.map((h) => idOfFile.get(h.chunk.file) ?? h.chunk.file))];
        const gold = set.qrels.get(q.id)!;
        scores.r1.push(recallAtK(ranked, gold, 1));
        scores.r5.push(recallAtK(ranked, gold, 5));
        scores.r10.push(recallAtK(ranked, gold, 10));
        scores.mrr.push(reciprocalRank(ranked, gold));
        scores.ndcg.push(ndcgAtK(ranked, gold, DEPTH));
        const result = await runtime.answerer.answer({ question: q.text, language, hits: hits.slice(0, ASK_TOP_K) });
        scores.grounded.push(result.grounded ? 1 : 0);
        if (q.answers?.length) scores.answer.push(answerContainsGold(result.answer, q.answers) ? 1 : 0);
        outcomes.push(judgeAnswer(result, (file) => gold.has(idOfFile.get(file) ?? file), q.answers));
        bar.update(i + 1);
      }
      bar.stop();
      rows.push({
        mode,
        queries: queries.length,
        recallAt1: mean(scores.r1),
        recallAt5: mean(scores.r5),
        recallAt10: mean(scores.r10),
        mrr: mean(scores.mrr),
        ndcgAt10: mean(scores.ndcg),
        answerContainsGold: scores.answer.length ? mean(scores.answer) : undefined,
        grounded: mean(scores.grounded),
        ...withoutCount(summarizeAnswers(outcomes)),
      });
    }
    return {
      set: set.name,
      dir: o.dir,
      passages: set.corpus.length,
      queries: queries.length,
      queriesWithAnswers: queries.filter((q) => q.answers?.length).length,
      model: runtime.index.manifest.model,
      indexRetrieval: runtime.index.manifest.retrieval,
      lexicalReason: runtime.index.manifest.reason,
      rows,
      buildSeconds,
      querySeconds: (performance.now() - queryStarted) / 1000,
    };
  } finally {
    await (await opened?.catch(() => undefined))?.dispose();
  }
}

const withoutCount = ({ questions: _, ...figures }: AnswerSummary) => figures;

const f = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(3));

/** The report as a Markdown table, one row per mode. */
export function renderBeirMarkdown(r: BeirReport): string {
  return [
    `## ${r.set}: ${r.queries} queries → ${r.passages} passages`,
    '',
    `Model: ${r.model ?? 'none (lexical)'}; index ${r.indexRetrieval}${r.lexicalReason ? ` (${r.lexicalReason.split('\n')[0]})` : ''}. ` +
      `Build ${r.buildSeconds.toFixed(0)} s, queries ${r.querySeconds.toFixed(0)} s.`,
    '',
    '| mode | R@1 | R@5 | R@10 | MRR | nDCG@10 | answer holds gold | gold in an answered answer | right | right and confident | right but hedged | wrong and confident | nothing found | grounded precision |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.rows.map(
      (row) =>
        `| ${row.mode} | ${f(row.recallAt1)} | ${f(row.recallAt5)} | ${f(row.recallAt10)} | ${f(row.mrr)} | ${f(row.ndcgAt10)} | ${f(row.answerContainsGold)} | ${f(row.goldInAnswered)} | ` +
        `${f(row.answerRight)} | ${f(row.rightAndConfident)} | ${f(row.rightButHedged)} | ${f(row.wronglyConfident)} | ${f(row.nothingFound)} | ${f(row.groundedPrecision)} |`,
    ),
    '',
    r.queriesWithAnswers ? `"answer holds gold": share of the ${r.queriesWithAnswers} queries with gold answer strings whose /api/ask answer text contains one.` : 'The set has no gold answer strings.',
    '"right": the answer quotes a gold passage (and holds a gold string, where the set has them); confident: marked answered; hedged: "possibly relevant"; nothing found: "not in the documents"; grounded precision: right among answers marked answered.',
    '',
  ].join('\n');
}
