/**
 * `npm run eval:fusion -- [--beir DIR]… [--cache DIR] [--limit N]`: scores RRF k × lexical weight on the project's
 * questions (per language pair) and on BEIR sets already indexed by `npm run eval -- --beir DIR --cache DIR`.
 * Needs EMBEDDING_MODEL (the real model) and an INDEX_DIR for the project corpus.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { beirSet, projectSets } from '../src/eval/collect-candidates.js';
import { fusionGrid, scoreGrid, type TuningSet } from '../src/eval/tune-fusion.js';
import { prepareModel } from '../src/cli/prepare-model.js';

const { values } = parseArgs({
  options: {
    beir: { type: 'string', multiple: true, default: [] },
    cache: { type: 'string', default: '.cache/eval' },
    limit: { type: 'string' },
    questions: { type: 'string', default: 'src/eval/questions.jsonl' },
    top: { type: 'string', default: '15' },
  },
});
const { config } = await prepareModel(loadConfig(), { provision: false });
const limit = values.limit ? Number(values.limit) : undefined;
const sets: TuningSet[] = await projectSets(config, path.resolve(values.questions));
for (const dir of values.beir) {
  console.error(`collecting ${dir}`);
  sets.push(await beirSet(config, path.resolve(dir), path.resolve(values.cache), limit));
}
const ks = [1, 5, 10, 20, 30, 60, 100];
const weights = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1, 1.25];
const { dense, rows } = scoreGrid(sets, fusionGrid(ks, weights));
const names = sets.map((s) => s.name);
const f = (v: number) => v.toFixed(3);
console.log(`| k | lexical weight | ${names.map((n) => `${n} (${sets.find((s) => s.name === n)!.queries.length})`).join(' | ')} | mean gain | worst gain |`);
console.log(`|---|---:|${names.map(() => '---:').join('|')}|---:|---:|`);
console.log(`| dense alone | — | ${names.map((n) => f(dense[n]!)).join(' | ')} | — | — |`);
const equal = rows.find((r) => r.point.k === 60 && r.point.weights[0] === 1)!;
for (const r of [equal, ...rows.slice(0, Number(values.top))]) {
  console.log(`| ${r.point.k} | ${r.point.weights[0]} | ${names.map((n) => f(r.recall[n]!)).join(' | ')} | ${f(r.meanGain)} | ${f(r.worstGain)} |`);
}
