/**
 * `npm run eval:fusion -- [--beir DIR]… [--cache DIR] [--limit N]`: scores lexical coverage weights on the project's
 * questions (same-language and cross-lingual) and on BEIR sets already indexed by `npm run eval -- --beir DIR --cache DIR`.
 * Needs EMBEDDING_MODEL (the real model) and an INDEX_DIR for the project corpus.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { beirSet, projectSets } from '../src/eval/collect-candidates.js';
import { scoreGrid, type TuningSet } from '../src/eval/tune-fusion.js';
import { prepareModel } from '../src/cli/prepare-model.js';

const { values } = parseArgs({
  options: {
    beir: { type: 'string', multiple: true, default: [] },
    cache: { type: 'string', default: '.cache/eval' },
    limit: { type: 'string' },
    questions: { type: 'string', default: 'src/eval/questions.jsonl' },
  },
});
const { config } = await prepareModel(loadConfig(), { provision: false });
const limit = values.limit ? Number(values.limit) : undefined;
const sets: TuningSet[] = await projectSets(config, path.resolve(values.questions));
for (const dir of values.beir) {
  console.error(`collecting ${dir}`);
  sets.push(await beirSet(config, path.resolve(dir), path.resolve(values.cache), limit));
}
const rows = scoreGrid(sets, [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1]);
const f = (v: number) => v.toFixed(3);
console.log(`| lexical weight | ${sets.map((s) => `${s.name} (${s.queries.length}) R@1 / R@5`).join(' | ')} | mean R@1 | mean R@5 |`);
console.log(`|---:|${sets.map(() => '---:').join('|')}|---:|---:|`);
for (const r of rows) {
  const cells = sets.map((s) => `${f(r.recall1[s.name]!)} / ${f(r.recall5[s.name]!)}`);
  console.log(`| ${r.lexicalWeight ?? 'dense alone'} | ${cells.join(' | ')} | ${f(r.meanRecall1)} | ${f(r.meanRecall5)} |`);
}
