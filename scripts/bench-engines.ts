/**
 * `npm run bench:engines [-- --model DIR] [--today-model DIR] [--rounds 2] [--passages 96] [--engines today,int8,q4,fp32]
 * [--ask-engines today,int8,q4] [--ask-connections 1,8,64] [--ask-seconds 8]`: the embedding engines on corpus/
 * passages and the project's questions, interleaved in one run, with ratios to today's path and the float32
 * ceiling; then the server with each of `--ask-engines` under uncached questions (`--ask-seconds 0` skips it);
 * writes reports/bench-engines.{json,md}.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli/run-cli.js';
import { loadConfig, type Config } from '../src/config.js';
import { openEmbedder } from '../src/embedding/open-embedder.js';
import { buildIndex } from '../src/index/build-index.js';
import { askUnderLoad } from '../src/bench/engines/ask-under-load.js';
import { locateModel } from '../src/embedding/model-location.js';
import { readCorpus } from '../src/corpus/read-corpus.js';
import { compareEngines } from '../src/bench/engines/engine-comparison.js';
import { renderAskUnderLoad, renderEngineComparison } from '../src/bench/engines/engine-markdown.js';
import type { EngineName } from '../src/bench/engines/engine-types.js';
import { benchPassages } from '../src/bench/engines/bench-passages.js';
import { parseQuestions } from '../src/eval/questions.js';

/** Runs `use` over a hybrid index of corpus/ built with `model` in a temporary folder (removed afterwards). */
async function withCorpusIndex<T>(config: Config, model: string, use: (indexDir: string) => Promise<T>): Promise<T> {
  const indexDir = await mkdtemp(path.join(os.tmpdir(), 'bench-engines-index-'));
  const built: Config = { ...config, corpusDir: path.resolve('corpus'), indexDir, retrieval: 'hybrid', embedding: { ...config.embedding, model } };
  try {
    console.log(`building a hybrid index of corpus/ with ${model} for the server runs …`);
    await buildIndex(built, { loadEmbedder: () => openEmbedder(built) });
    return await use(indexDir);
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}

await runCli(async () => {
  const config = loadConfig();
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: process.env.REAL_MODEL_DIR || config.embedding.model },
      'today-model': { type: 'string' },
      rounds: { type: 'string', default: '2' },
      passages: { type: 'string', default: '96' },
      questions: { type: 'string', default: '40' },
      engines: { type: 'string', default: 'today,int8,q4,fp32' },
      reports: { type: 'string', default: 'reports' },
      'ask-engines': { type: 'string', default: 'today,int8,q4' },
      'ask-connections': { type: 'string', default: '1,8,64' },
      'ask-seconds': { type: 'string', default: '8' },
    },
  });
  const { dir: model } = await locateModel(values.model!, process.cwd(), config.modelsDir);
  const { documents } = await readCorpus(path.resolve('corpus'));
  const questionsFile = path.resolve('src/eval/questions.jsonl');
  const questions = parseQuestions(await readFile(questionsFile, 'utf8'), questionsFile).map((q) => q.question).slice(0, Number(values.questions));
  const comparison = await compareEngines({
    model,
    todayModel: values['today-model'] ? path.resolve(values['today-model']) : undefined,
    engines: values.engines!.split(',') as EngineName[],
    passages: benchPassages(documents, Number(values.passages)),
    questions,
    rounds: Number(values.rounds),
    log: (line) => console.log(line),
  });
  const askSeconds = Number(values['ask-seconds']);
  const asks = askSeconds > 0
    ? await withCorpusIndex(config, model, (indexDir) =>
        askUnderLoad({
          model,
          indexDir,
          engines: values['ask-engines']!.split(',') as EngineName[],
          connections: values['ask-connections']!.split(',').map(Number),
          durationSec: askSeconds,
          questions,
          log: (line) => console.log(line),
        }),
      )
    : undefined;
  await mkdir(path.resolve(values.reports!), { recursive: true });
  const markdown = [renderEngineComparison(comparison), ...(asks ? [renderAskUnderLoad(asks)] : [])].join('\n');
  await writeFile(path.resolve(values.reports!, 'bench-engines.json'), `${JSON.stringify({ ...comparison, asks }, null, 2)}\n`);
  await writeFile(path.resolve(values.reports!, 'bench-engines.md'), markdown);
  console.log(`\n${markdown}`);
});
