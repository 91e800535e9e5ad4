/**
 * `npm run bench:engines [-- --model DIR] [--today-model DIR] [--rounds 2] [--passages 96] [--engines today,int8,q4,fp32]`:
 * the embedding engines on corpus/ passages and the project's questions, interleaved in one run, with ratios to
 * today's path and the float32 ceiling; writes reports/bench-engines.{json,md}.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli/run-cli.js';
import { loadConfig } from '../src/config.js';
import { locateModel } from '../src/embedding/model-location.js';
import { readCorpus } from '../src/corpus/read-corpus.js';
import { compareEngines } from '../src/bench/engines/engine-comparison.js';
import { renderEngineComparison } from '../src/bench/engines/engine-markdown.js';
import type { EngineName } from '../src/bench/engines/engine-types.js';
import { benchPassages } from '../src/bench/engines/bench-passages.js';
import { parseQuestions } from '../src/eval/questions.js';

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
  await mkdir(path.resolve(values.reports!), { recursive: true });
  const markdown = renderEngineComparison(comparison);
  await writeFile(path.resolve(values.reports!, 'bench-engines.json'), `${JSON.stringify(comparison, null, 2)}\n`);
  await writeFile(path.resolve(values.reports!, 'bench-engines.md'), markdown);
  console.log(`\n${markdown}`);
});
