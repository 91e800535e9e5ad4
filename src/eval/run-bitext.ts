/**
 * The model check against published figures: Tatoeba bitext mining (kaz, ara, ita → eng) and NTREX sentence →
 * passage retrieval, embedded with the configured model, printed beside multilingual-e5-small's published MTEB
 * scores. Tatoeba inputs carry the model's query prefix on both sides, as the e5 authors' MTEB evaluation does for
 * every task that is not retrieval (microsoft/unilm, e5/mteb_except_retrieval_eval.py).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProgressFactory } from '../cli/progress.js';
import type { OpenedEmbedder } from '../embedding/open-embedder.js';
import { readBeirSet } from './beir-set.js';
import { nearestIsTranslation, topOneAccuracy } from './bitext-mining.js';
import { publishedFigure, readPublishedScores } from './published-scores.js';

/** The model whose published figures the results are compared with. */
export const PUBLISHED_MODEL = 'multilingual-e5-small';
const NTREX_SUBSETS: Record<string, string> = { eng: 'eng_Latn', kaz: 'kaz_Cyrl', arb: 'arb_Arab', ita: 'ita_Latn' };

export interface BitextRow {
  set: string;
  items: number;
  accuracy: number;
  published?: number;
  /** What the published figure measures, when it is not exactly what was measured here. */
  publishedNote?: string;
}

export interface BitextReport {
  model: string;
  prefixes: string;
  tatoeba: BitextRow[];
  ntrex: BitextRow[];
  publishedSource?: string;
}

export interface BitextOptions {
  embedder: OpenedEmbedder;
  tatoebaDir?: string;
  /** Folders of BEIR-style NTREX sets (`ntrex_eng-kaz`, …). */
  ntrexDirs?: string[];
  publishedFile?: string;
  progress: ProgressFactory;
}

const lines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);

async function embedWithProgress(embedder: OpenedEmbedder, texts: string[], label: string, progress: ProgressFactory): Promise<number[][]> {
  const bar = progress(label, texts.length);
  const vectors: number[][] = [];
  const step = 256;
  for (let from = 0; from < texts.length; from += step) {
    vectors.push(...(await embedder.embedRaw(texts.slice(from, from + step))));
    bar.update(vectors.length);
  }
  bar.stop();
  return vectors;
}

/** `tatoeba.xxx-eng.xxx` / `.eng` pairs in `dir`: xxx for each. */
async function tatoebaLanguages(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.map((n) => /^tatoeba\.([a-z]{3})-eng\.\1$/.exec(n)?.[1]).filter((l): l is string => Boolean(l) && names.includes(`tatoeba.${l}-eng.eng`)).sort();
}

/**
 * Measures Tatoeba and NTREX and looks up the published figures.
 * @throws Error naming a file that is missing or a Tatoeba pair whose sides differ in length.
 */
export async function runBitext(o: BitextOptions): Promise<BitextReport> {
  const { embedder } = o;
  const { queryPrefix, passagePrefix } = embedder.profile;
  const published = o.publishedFile ? await readPublishedScores(o.publishedFile) : undefined;
  const report: BitextReport = {
    model: embedder.model,
    prefixes: `Tatoeba: "${queryPrefix}" on both sides; NTREX: "${queryPrefix}" on the sentence, "${passagePrefix}" on the passage`,
    tatoeba: [],
    ntrex: [],
    publishedSource: published && o.publishedFile ? o.publishedFile : undefined,
  };

  if (o.tatoebaDir) {
    const languages = await tatoebaLanguages(o.tatoebaDir);
    if (languages.length === 0) throw new Error(`${o.tatoebaDir} holds no tatoeba.xxx-eng.xxx / tatoeba.xxx-eng.eng pairs.`);
    for (const language of languages) {
      const source = await lines(path.join(o.tatoebaDir, `tatoeba.${language}-eng.${language}`));
      const english = await lines(path.join(o.tatoebaDir, `tatoeba.${language}-eng.eng`));
      if (source.length !== english.length) throw new Error(`tatoeba.${language}-eng: ${source.length} ${language} lines but ${english.length} eng lines.`);
      const vectors = await embedWithProgress(embedder, [...source, ...english].map((t) => queryPrefix + t), `embed tatoeba ${language}-eng`, o.progress);
      const accuracy = nearestIsTranslation(vectors.slice(0, source.length), vectors.slice(source.length));
      const figure = publishedFigure(published, PUBLISHED_MODEL, `Tatoeba|test|${language}-eng`, 'accuracy');
      report.tatoeba.push({ set: `${language}-eng`, items: source.length, accuracy, published: figure?.value });
    }
  }

  for (const dir of o.ntrexDirs ?? []) {
    const set = await readBeirSet(dir);
    const [, from, to] = /ntrex_([a-z]{3})-([a-z]{3})$/.exec(path.basename(dir)) ?? [];
    const passageIndex = new Map(set.corpus.map((p, i) => [p.id, i]));
    const queries = set.queries.filter((q) => set.qrels.has(q.id));
    const gold = queries.map((q) => new Set([...set.qrels.get(q.id)!].map((id) => passageIndex.get(id)).filter((i): i is number => i !== undefined)));
    const label = path.basename(dir);
    const passages = await embedWithProgress(embedder, set.corpus.map((p) => passagePrefix + p.text), `embed ${label} passages`, o.progress);
    const sentences = await embedWithProgress(embedder, queries.map((q) => queryPrefix + q.text), `embed ${label} sentences`, o.progress);
    const subsets = from && to && NTREX_SUBSETS[from] && NTREX_SUBSETS[to] ? `${NTREX_SUBSETS[from]}-${NTREX_SUBSETS[to]}` : undefined;
    const figure = subsets ? publishedFigure(published, PUBLISHED_MODEL, `NTREXBitextMining|test|${subsets}`, 'accuracy') : undefined;
    report.ntrex.push({
      set: label,
      items: queries.length,
      accuracy: topOneAccuracy(sentences, passages, gold),
      published: figure?.value,
      publishedNote: figure ? 'published: sentence ↔ sentence bitext mining on the whole test set; here: sentence → 3-sentence passage, dev half' : undefined,
    });
  }
  return report;
}

const pct = (v: number | undefined) => (v === undefined ? '—' : (v * 100).toFixed(1));
const diff = (r: BitextRow) => (r.published === undefined ? '—' : `${r.accuracy >= r.published ? '+' : ''}${((r.accuracy - r.published) * 100).toFixed(1)}`);

/** The report as Markdown tables (accuracy in %). */
export function renderBitextMarkdown(r: BitextReport): string {
  const out = [`# Model check: ${r.model}`, '', `Prefixes: ${r.prefixes}.`, ''];
  if (r.tatoeba.length) {
    out.push('## Tatoeba bitext mining (accuracy, %)', '', `| pair | sentences | measured | published ${PUBLISHED_MODEL} | difference |`, '|---|---:|---:|---:|---:|');
    for (const row of r.tatoeba) out.push(`| ${row.set} | ${row.items} | ${pct(row.accuracy)} | ${pct(row.published)} | ${diff(row)} |`);
    out.push('');
  }
  if (r.ntrex.length) {
    out.push('## NTREX (accuracy@1, %)', '', `| set | sentences | measured | published ${PUBLISHED_MODEL} | difference |`, '|---|---:|---:|---:|---:|');
    for (const row of r.ntrex) out.push(`| ${row.set} | ${row.items} | ${pct(row.accuracy)} | ${pct(row.published)} | ${diff(row)} |`);
    const note = r.ntrex.find((row) => row.publishedNote)?.publishedNote;
    if (note) out.push('', `Not the same task: ${note}.`);
    out.push('');
  }
  if (r.publishedSource) out.push(`Published figures: ${r.publishedSource} (MTEB results, embeddings-benchmark/results).`, '');
  return out.join('\n');
}
