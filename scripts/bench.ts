/** `npm run bench [-- --quick] [--real-model-only]`: build, serving, scaling, HNSW, LangChain, real-model and PostgreSQL measurements, written to reports/bench.{json,md}. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli/run-cli.js';
import { loadConfig } from '../src/config.js';
import { runBench } from '../src/bench/run-bench.js';
import { prepareModel } from '../src/cli/prepare-model.js';

await runCli(async () => {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, 'real-model-only': { type: 'boolean', default: false }, reports: { type: 'string', default: 'reports' } } });
  const { report, files } = await runBench({
    config: (await prepareModel(loadConfig(), { provision: false })).config,
    quick: values.quick,
    repoRoot: process.cwd(),
    reportsDir: path.resolve(values.reports),
    realModelOnly: values['real-model-only'],
    command: ['npm run bench', ...(values.quick || values['real-model-only'] ? ['--'] : []), ...(values.quick ? ['--quick'] : []), ...(values['real-model-only'] ? ['--real-model-only'] : [])].join(' '),
    realModelDir: process.env.REAL_MODEL_DIR || undefined,
    log: (line) => console.log(line),
  });
  console.log('\nTargets:');
  for (const t of report.targets) console.log(`  ${t.pass === null ? '—   ' : t.pass ? 'pass' : 'MISS'}  ${t.name}: ${t.measured ?? '–'} ${t.unit} (${t.target}; ${t.margin})`);
  console.log(`\nwrote ${files.map((f) => path.relative(process.cwd(), f)).join(', ')} in ${report.elapsedSec} s`);
});
