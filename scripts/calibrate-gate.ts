/**
 * `npm run eval:gate -- [--answerable DIR]… [--unanswerable DIR]… [--cache DIR] [--limit N]`: measures the gate's
 * signals on answerable questions (the project's, and BEIR sets indexed by `npm run eval -- --beir DIR --cache DIR`)
 * and on unanswerable ones (BEIR queries asked against the project corpus), and scores threshold pairs.
 * Needs EMBEDDING_MODEL (the real model) and INDEX_DIR for the project corpus.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { composeExtractiveAnswer, defaultExtractiveOptions, sentenceSimilarities } from '../src/answer/extractive.js';
import { createSentenceSimilarity } from '../src/answer/sentence-similarity.js';
import { loadConfig, type Config } from '../src/config.js';
import { detectLanguage } from '../src/corpus/language.js';
import { readBeirSet } from '../src/eval/beir-set.js';
import { quantiles, scoreGate, type GateRecord } from '../src/eval/gate-calibration.js';
import { parseQuestions } from '../src/eval/questions.js';
import { answerContainsGold, documentFileNames } from '../src/eval/run-beir.js';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { prepareModel } from '../src/cli/prepare-model.js';

const { values } = parseArgs({
  options: {
    answerable: { type: 'string', multiple: true, default: [] },
    unanswerable: { type: 'string', multiple: true, default: [] },
    cache: { type: 'string', default: '.cache/eval' },
    limit: { type: 'string', default: '200' },
    questions: { type: 'string', default: 'src/eval/questions.jsonl' },
  },
});
const limit = Number(values.limit);
const { config } = await prepareModel(loadConfig(), { provision: false });
const forced = { ...defaultExtractiveOptions, minCoverage: 0, minSentenceSimilarity: -Infinity };

async function open(c: Config): Promise<{ runtime: Runtime; ask: (q: string) => Promise<ReturnType<typeof composeExtractiveAnswer>> }> {
  const runtime = await createRuntime({ ...c, retrieval: 'hybrid' }, { buildIfMissing: c === config, log: () => {} });
  const embedder = runtime.embedder!;
  const score = createSentenceSimilarity({ embedQuery: (q) => embedder.embedQuery(q), embedPassages: (t) => embedder.embedDocuments(t), maxEntries: 50_000 });
  return {
    runtime,
    ask: async (question) => {
      const language = detectLanguage(question);
      const hits = await runtime.searcher.search(question, { topK: 5, language });
      const input = { question, language, hits };
      return composeExtractiveAnswer(input, forced, { similarities: await sentenceSimilarities(input, score) });
    },
  };
}

/** The [n] citations an answer quotes. */
const quoted = (answer: string) => new Set([...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));

const records: GateRecord[] = [];
const project = await open(config);
for (const q of parseQuestions(await readFile(values.questions, 'utf8'), values.questions)) {
  const { result, signals } = await project.ask(q.question);
  const right = [...quoted(result.answer)].some((n) => q.gold.some(([f, p]) => result.citations[n - 1]?.file === f && result.citations[n - 1]?.paragraph === p));
  records.push({ set: q.cross ? 'project cross' : 'project same', answerable: true, right, signals });
}
for (const dir of values.unanswerable) {
  const set = await readBeirSet(path.resolve(dir));
  for (const q of set.queries.slice(0, limit)) {
    const { signals } = await project.ask(q.text);
    records.push({ set: `${set.name} → project corpus`, answerable: false, right: false, signals });
  }
}
await project.runtime.embedder?.dispose();
for (const dir of values.answerable) {
  const set = await readBeirSet(path.resolve(dir));
  const names = documentFileNames(set.corpus.map((p) => p.id));
  const c = { ...config, indexDir: path.join(values.cache, set.name, 'index'), corpusDir: path.join(values.cache, set.name, 'corpus') };
  const beir = await open(c);
  for (const q of set.queries.filter((x) => set.qrels.has(x.id) && x.answers?.length).slice(0, limit)) {
    const { result, signals } = await beir.ask(q.text);
    const gold = new Set([...set.qrels.get(q.id)!].map((id) => names.get(id)));
    const right = [...quoted(result.answer)].some((n) => gold.has(result.citations[n - 1]?.file)) && answerContainsGold(result.answer, q.answers!);
    records.push({ set: set.name, answerable: true, right, signals });
  }
  await beir.runtime.embedder?.dispose();
}

const f = (v: number) => v.toFixed(3);
console.log('| set | questions | right when quoted | sentence similarity p10 / p25 / p50 / p75 / p90 | evidence p50 / p90 | shares a name |');
console.log('|---|---:|---:|---|---|---:|');
for (const name of [...new Set(records.map((r) => r.set))]) {
  for (const [label, group] of [['', records.filter((r) => r.set === name)], [' (right)', records.filter((r) => r.set === name && r.right)], [' (wrong)', records.filter((r) => r.set === name && r.answerable && !r.right)]] as const) {
    if (!group.length) continue;
    const sims = quantiles(group.map((r) => r.signals.bestSentenceSimilarity ?? -1)).map(f).join(' / ');
    const ev = quantiles(group.map((r) => r.signals.bestEvidence), [0.5, 0.9]).map(f).join(' / ');
    console.log(`| ${name}${label} | ${group.length} | ${f(group.filter((r) => r.right).length / group.length)} | ${sims} | ${ev} | ${f(group.filter((r) => r.signals.sharesName).length / group.length)} |`);
  }
}
console.log('\n| min coverage | min sentence similarity | precision | recall | unanswerable grounded |');
console.log('|---:|---:|---:|---:|---:|');
const sims = Array.from({ length: 21 }, (_, i) => 0.8 + i * 0.005);
for (const row of scoreGate(records, [0.2, 0.3, 0.4, 0.5, Infinity], sims)) {
  console.log(`| ${row.minCoverage} | ${row.minSentenceSimilarity.toFixed(3)} | ${f(row.precision)} | ${f(row.recall)} | ${f(row.unanswerableGrounded)} |`);
}
