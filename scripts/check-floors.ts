/**
 * `npm run eval:floors [-- --floors FILE] [--reports DIR]`: compares the reports of `npm run eval` (model check,
 * project questions, BEIR sets) with the quality floors and exits non-zero when a figure is under its floor or missing.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli/run-cli.js';
import type { EvalReport } from '../src/eval/eval-report.js';
import type { UnanswerableReport } from '../src/eval/run-unanswerable.js';
import { checkFloors, renderFloorResults, type Measured, type QualityFloors } from '../src/eval/quality-floors.js';

const readJson = async <T>(file: string): Promise<T | undefined> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
};

await runCli(async () => {
  const { values } = parseArgs({ options: { floors: { type: 'string', default: 'src/eval/quality-floors.json' }, reports: { type: 'string', default: 'reports' } } });
  const floors = await readJson<QualityFloors>(path.resolve(values.floors));
  if (!floors) throw new Error(`cannot read the floors file ${values.floors}`);
  const dir = path.resolve(values.reports);
  // Newest first: a set measured by several runs is judged by the latest.
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /^beir-.*\.json$/.test(n));
  const modified = new Map(await Promise.all(names.map(async (n) => [n, (await stat(path.join(dir, n))).mtimeMs] as const)));
  const beirFiles = names.sort((a, b) => modified.get(b)! - modified.get(a)!);
  const measured: Measured = {
    bitext: await readJson(path.join(dir, 'model-check.json')),
    questions: (await Promise.all(Object.keys(floors.questions ?? {}).map((mode) => readJson<EvalReport>(path.join(dir, `eval-questions-${mode}.json`))))).flatMap((r) => r ?? []),
    beir: (await Promise.all(beirFiles.map((f) => readJson<Measured['beir']>(path.join(dir, f))))).flatMap((r) => r ?? []),
    unanswerable: (await Promise.all(['lexical', 'hybrid'].map((mode) => readJson<UnanswerableReport[]>(path.join(dir, `unanswerable-${mode}.json`))))).flatMap((r) => r ?? []),
  };
  const results = checkFloors(floors, measured);
  console.log(renderFloorResults(results));
  const failed = results.filter((r) => !r.ok);
  if (failed.length) throw new Error(`${failed.length} of ${results.length} quality figures are under their floor or missing (see above).`);
  console.log(`all ${results.length} quality figures are at or above their floors`);
});
