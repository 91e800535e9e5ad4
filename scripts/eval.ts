/**
 * `npm run eval -- [options]`: quality measurements, written to reports/.
 *   (default) --questions FILE [--topK 5] [--mode hybrid|lexical|dense]   the project's questions on the corpus
 *   --tatoeba DIR [--ntrex DIR ...] [--published FILE]                     the model check against published figures
 *      (NTREX: a set or a folder of ntrex_* sets; default the retrieval/ folder beside DIR; --ntrex= for none)
 *   --beir DIR [--mode lexical|dense|hybrid|all] [--limit N]               any BEIR-style set, indexed with the real build
 *   --unanswerable DIR [--limit N]                                         a BEIR set's queries asked against CORPUS_DIR, which cannot answer them
 *   --feedback                                                             the answers readers disliked (FEEDBACK_DIR), for triage
 *   --follow-ups FILE [--mode hybrid|lexical]                              follow-up pairs: recall of the follow-up alone and with history
 *                                                                          (and --questions asked one after another, as a control)
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBuildReporter } from '../src/cli/build-reporter.js';
import { createProgress } from '../src/cli/progress.js';
import { runCli } from '../src/cli/run-cli.js';
import { loadConfig } from '../src/config.js';
import { openEmbedder } from '../src/embedding/open-embedder.js';
import { prepareModel } from '../src/cli/prepare-model.js';
import { renderEvalSummary } from '../src/eval/eval-report.js';
import { renderBitextMarkdown, runBitext } from '../src/eval/run-bitext.js';
import { BEIR_MODES, renderBeirMarkdown, runBeir } from '../src/eval/run-beir.js';
import { runEval } from '../src/eval/run-eval.js';
import { renderFollowUpMarkdown, runFollowUps } from '../src/eval/run-follow-ups.js';
import { renderUnanswerableMarkdown, runUnanswerable } from '../src/eval/run-unanswerable.js';
import type { RetrievalMode } from '../src/retrieval/types.js';
import { renderDislikedAnswers } from '../src/feedback/disliked-report.js';
import { readFeedback } from '../src/feedback/feedback-store.js';

const MODES = ['hybrid', 'lexical', 'dense'] as const;

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      questions: { type: 'string', default: 'src/eval/questions.jsonl' },
      topK: { type: 'string', default: '5' },
      mode: { type: 'string' },
      reports: { type: 'string', default: 'reports' },
      tatoeba: { type: 'string' },
      ntrex: { type: 'string', multiple: true },
      published: { type: 'string' },
      beir: { type: 'string', multiple: true },
      unanswerable: { type: 'string', multiple: true },
      limit: { type: 'string' },
      cache: { type: 'string', default: '.cache/eval' },
      feedback: { type: 'boolean', default: false },
      'follow-ups': { type: 'string' },
    },
  });
  const { config } = await prepareModel(loadConfig({ ...process.env, LOG_REQUESTS: '0' }), { provision: false });
  const reportsDir = path.resolve(values.reports);

  if (values.feedback) {
    const { records, unreadable, file } = await readFeedback(config.feedbackDir);
    console.log(`Feedback from ${path.relative(process.cwd(), file)}${unreadable ? ` (${unreadable} unreadable lines skipped)` : ''}`);
    console.log(renderDislikedAnswers(records));
    return;
  }

  if (values.tatoeba !== undefined || values.ntrex !== undefined) {
    const tatoebaDir = values.tatoeba && path.resolve(values.tatoeba);
    // Beside the Tatoeba folder, as ../shared/eval/external lays them out, unless given.
    const external = tatoebaDir ? path.dirname(tatoebaDir) : undefined;
    // --ntrex DIR: one NTREX set, or a folder of them; --ntrex= (empty): none.
    const ntrexArgs = values.ntrex ?? (external ? [path.join(external, 'retrieval')] : []);
    const ntrexDirs = (await Promise.all(ntrexArgs.filter(Boolean).map((d) => ntrexSets(path.resolve(d))))).flat();
    const publishedFile = values.published ? path.resolve(values.published) : external && path.join(external, 'published-mteb-scores.json');
    const embedder = await openEmbedder(config);
    try {
      const report = await runBitext({ embedder, tatoebaDir, ntrexDirs, publishedFile, progress: createProgress() });
      const markdown = renderBitextMarkdown(report);
      await mkdir(reportsDir, { recursive: true });
      await writeFile(path.join(reportsDir, 'model-check.json'), `${JSON.stringify(report, null, 2)}\n`);
      await writeFile(path.join(reportsDir, 'model-check.md'), markdown);
      console.log(markdown);
    } finally {
      await embedder.dispose();
    }
    return;
  }

  if (values['follow-ups'] !== undefined) {
    const mode = values.mode as RetrievalMode | undefined;
    const report = await runFollowUps({ config, pairsPath: path.resolve(values['follow-ups']), standAlonePath: path.resolve(values.questions), topK: Number(values.topK), mode });
    const markdown = renderFollowUpMarkdown(report);
    await mkdir(reportsDir, { recursive: true });
    await writeFile(path.join(reportsDir, `follow-ups-${report.mode}.json`), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(path.join(reportsDir, `follow-ups-${report.mode}.md`), markdown);
    console.log(markdown);
    return;
  }

  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new Error(`--limit must be a positive integer, got "${values.limit}".`);

  if (values.unanswerable !== undefined) {
    const reports = await runUnanswerable({ config, dirs: values.unanswerable.map((d) => path.resolve(d)), limit, progress: createProgress(), onBuildEvent: createBuildReporter().onEvent });
    const markdown = renderUnanswerableMarkdown(reports);
    await mkdir(reportsDir, { recursive: true });
    await writeFile(path.join(reportsDir, `unanswerable-${reports[0]?.mode ?? 'none'}.json`), `${JSON.stringify(reports, null, 2)}\n`);
    await writeFile(path.join(reportsDir, `unanswerable-${reports[0]?.mode ?? 'none'}.md`), markdown);
    console.log(markdown);
    return;
  }

  if (values.beir !== undefined) {
    const modes = values.mode === 'all' || values.mode === undefined ? BEIR_MODES : [values.mode as RetrievalMode];
    if (!modes.every((m) => MODES.includes(m as (typeof MODES)[number]))) throw new Error(`--mode must be one of ${MODES.join(', ')} or all, got "${values.mode}".`);
    const reports = [];
    for (const dir of values.beir) {
      const reporter = createBuildReporter(process.stderr, { progressLines: true });
      const report = await runBeir({ config, dir: path.resolve(dir), modes, limit, cacheDir: path.resolve(values.cache), progress: createProgress(), onBuildEvent: reporter.onEvent });
      console.log(renderBeirMarkdown(report));
      reports.push(report);
    }
    await mkdir(reportsDir, { recursive: true });
    const name = reports.length === 1 ? reports[0]!.set : 'sets';
    await writeFile(path.join(reportsDir, `beir-${name}.json`), `${JSON.stringify(reports, null, 2)}\n`);
    await writeFile(path.join(reportsDir, `beir-${name}.md`), reports.map(renderBeirMarkdown).join('\n'));
    console.log(`wrote ${path.join(path.relative(process.cwd(), reportsDir), `beir-${name}.{json,md}`)}`);
    return;
  }

  const topK = Number(values.topK);
  if (!Number.isInteger(topK) || topK < 1 || topK > 100) throw new Error(`--topK must be an integer from 1 to 100, got "${values.topK}".`);
  const mode = values.mode as (typeof MODES)[number] | undefined;
  if (mode !== undefined && !MODES.includes(mode)) throw new Error(`--mode must be one of ${MODES.join(', ')}, got "${values.mode}".`);
  const reporter = createBuildReporter();
  const { report, files } = await runEval({
    config,
    questionsPath: path.resolve(values.questions),
    topK,
    mode,
    reportsDir,
    onBuildEvent: reporter.onEvent,
  });
  console.log(report.notes.map((n) => `note: ${n}`).join('\n'));
  console.log(renderEvalSummary(report));
  console.log(`wrote ${path.relative(process.cwd(), files.markdown)} and ${path.relative(process.cwd(), files.json)}`);
});

async function ntrexSets(dir: string): Promise<string[]> {
  if (path.basename(dir).startsWith('ntrex_')) return [dir];
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.startsWith('ntrex_')).sort().map((n) => path.join(dir, n));
}
