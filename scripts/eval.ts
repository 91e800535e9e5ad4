/**
 * `npm run eval -- [--questions FILE] [--topK 5] [--mode hybrid|lexical|dense]`: retrieval metrics, written to reports/.
 * `npm run eval -- --feedback`: lists the answers readers disliked (FEEDBACK_DIR), for triage.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBuildReporter } from '../src/cli/build-reporter.js';
import { runCli } from '../src/cli/run-cli.js';
import { loadConfig } from '../src/config.js';
import { renderEvalSummary } from '../src/eval/eval-report.js';
import { runEval } from '../src/eval/run-eval.js';
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
      feedback: { type: 'boolean', default: false },
    },
  });
  if (values.feedback) {
    const { records, unreadable, file } = await readFeedback(loadConfig().feedbackDir);
    console.log(`Feedback from ${path.relative(process.cwd(), file)}${unreadable ? ` (${unreadable} unreadable lines skipped)` : ''}`);
    console.log(renderDislikedAnswers(records));
    return;
  }
  const topK = Number(values.topK);
  if (!Number.isInteger(topK) || topK < 1 || topK > 100) throw new Error(`--topK must be an integer from 1 to 100, got "${values.topK}".`);
  const mode = values.mode as (typeof MODES)[number] | undefined;
  if (mode !== undefined && !MODES.includes(mode)) throw new Error(`--mode must be one of ${MODES.join(', ')}, got "${values.mode}".`);

  const config = loadConfig({ ...process.env, LOG_REQUESTS: '0' });
  const reporter = createBuildReporter();
  const { report, files } = await runEval({
    config,
    questionsPath: path.resolve(values.questions),
    topK,
    mode,
    reportsDir: path.resolve(values.reports),
    onBuildEvent: reporter.onEvent,
  });
  console.log(report.notes.map((n) => `note: ${n}`).join('\n'));
  console.log(renderEvalSummary(report));
  console.log(`wrote ${path.relative(process.cwd(), files.markdown)} and ${path.relative(process.cwd(), files.json)}`);
});
