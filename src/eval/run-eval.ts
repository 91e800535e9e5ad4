/** The evaluation run: questions through the API's retrieval (createRuntime's searcher), the baseline beside it, reports written. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { detectLanguage } from '../corpus/language.js';
import { locateModel } from '../embedding/model-location.js';
import type { BuildEvent } from '../index/build-index.js';
import type { RetrievalMode } from '../retrieval/types.js';
import { createRuntime } from '../runtime.js';
import { judgeAnswer, type AnswerOutcome } from './answer-metrics.js';
import { describeSetup, renderEvalMarkdown, type EvalReport, type EvalSetup } from './eval-report.js';
import { paragraphKey } from './metrics.js';
import { parseQuestions } from './questions.js';
import { scoreRun } from './score-run.js';
import { createWordOverlapBaseline } from './word-overlap-baseline.js';

export interface EvalOptions {
  config: Config;
  questionsPath: string;
  /** A question is a miss when no gold paragraph is in the first topK (default 5). */
  topK?: number;
  /** Defaults to the mode the index and model allow (hybrid when both are there). */
  mode?: RetrievalMode;
  reportsDir: string;
  onBuildEvent?: (event: BuildEvent) => void;
  now?: () => Date;
}

export interface EvalRun {
  report: EvalReport;
  files: { json: string; markdown: string };
}

/**
 * Runs every question of `questionsPath` through the searcher the API uses (building the index first if there is
 * none), ranks the same questions with the word-overlap baseline, and writes `eval-<set>-<mode>.{json,md}`.
 * @example const { report } = await runEval({ config: loadConfig(), questionsPath: 'src/eval/questions.jsonl', reportsDir: 'reports' });
 */
export async function runEval(options: EvalOptions): Promise<EvalRun> {
  const { config } = options;
  const topK = options.topK ?? 5;
  const depth = Math.max(10, topK);
  const questions = parseQuestions(await readFile(options.questionsPath, 'utf8'), options.questionsPath);

  const runtime = await createRuntime(config, { onBuildEvent: options.onBuildEvent });
  const { index, searcher } = runtime;
  const mode = options.mode ?? runtime.mode;
  if (mode !== 'lexical' && runtime.mode === 'lexical') {
    throw new Error(
      `Cannot evaluate in ${mode} mode: the service runs lexical-only (${index.manifest.reason ?? 'no vectors'}). ` +
        'Omit --mode, or build the index with the embedding model available.',
    );
  }

  const system = new Map<string, string[]>();
  const answers = new Map<string, AnswerOutcome>();
  try {
    for (const q of questions) {
      const language = detectLanguage(q.question);
      const hits = await searcher.search(q.question, { topK: depth, mode, language });
      system.set(q.id, hits.map((h) => paragraphKey(h.chunk.file, h.chunk.paragraph)));
      // The answer /api/ask would give (its top k passages, the service's answerer).
      const result = await runtime.answerer.answer({ question: q.question, language, hits: hits.slice(0, topK) });
      const gold = new Set(q.gold.map(([file, paragraph]) => paragraphKey(file, paragraph)));
      answers.set(q.id, judgeAnswer(result, (file, paragraph) => gold.has(paragraphKey(file, paragraph))));
    }
  } finally {
    await runtime.embedder?.dispose();
  }

  const documents = [...index.documents.values()].sort((a, b) => a.file.localeCompare(b.file));
  const rankBaseline = createWordOverlapBaseline(documents);
  const baseline = new Map(questions.map((q) => [q.id, rankBaseline(q.question, depth)]));
  const texts = new Map(documents.flatMap((d) => d.paragraphs.map((p) => [paragraphKey(d.file, p.number), p.text] as const)));
  const languages = new Map(documents.flatMap((d) => d.paragraphs.map((p) => [paragraphKey(d.file, p.number), p.language] as const)));
  const scored = scoreRun({ questions, system, baseline, answers, topK, textOf: (key) => texts.get(key), languageOf: (key) => languages.get(key) });

  const usesModel = mode !== 'lexical';
  const name = path.basename(options.questionsPath).replace(/\.[^.]*$/, '');
  const setup: EvalSetup = {
    questionSet: { name, path: displayPath(options.questionsPath), questions: questions.length },
    mode,
    indexMode: index.manifest.retrieval,
    model: usesModel ? index.manifest.model : null,
    dimensions: usesModel ? index.manifest.dimensions : null,
    lexicalReason: usesModel ? undefined : firstLine(index.manifest.reason ?? (index.dense ? 'requested with --mode lexical' : undefined)),
    modelDescription: usesModel ? await readModelDescription(config) : undefined,
    topK,
    depth,
    index: { dir: displayPath(config.indexDir), files: index.manifest.files.length, chunks: index.manifest.chunks, builtAt: index.manifest.builtAt },
    languageSource: 'detected',
  };
  const report: EvalReport = {
    createdAt: (options.now ?? (() => new Date()))().toISOString(),
    setup,
    notes: describeSetup(setup),
    groups: scored.groups,
    misses: scored.misses,
    warnings: scored.unknownGold.map((key) => `Gold paragraph ${key} is not in the index: is the question set for this corpus?`),
  };

  await mkdir(options.reportsDir, { recursive: true });
  const base = path.join(options.reportsDir, `eval-${name}-${mode}`);
  const files = { json: `${base}.json`, markdown: `${base}.md` };
  await writeFile(files.json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(files.markdown, renderEvalMarkdown(report));
  return { report, files };
}

/** The first line of a (possibly multi-line) message: model-load errors go on with fixes that belong in the log, not the report. */
function firstLine(text: string | undefined): string | undefined {
  return text?.split('\n')[0]?.trim();
}

/** A path relative to the working directory when it lies inside it, absolute otherwise. */
function displayPath(p: string): string {
  const relative = path.relative(process.cwd(), p);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : p;
}

/** The `_comment` of a local model folder's config.json (the test fixture model says there what it is), if any. */
async function readModelDescription(config: Config): Promise<string | undefined> {
  const location = await locateModel(config.embedding.model, process.cwd(), config.modelsDir);
  try {
    const modelConfig = JSON.parse(await readFile(path.join(location.dir, 'config.json'), 'utf8')) as { _comment?: unknown };
    return typeof modelConfig._comment === 'string' ? modelConfig._comment : undefined;
  } catch {
    return undefined;
  }
}
