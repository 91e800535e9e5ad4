/**
 * The follow-up evaluation: pairs of (previous question, follow-up) with gold paragraphs, searched the way the
 * service searches them (searchWithHistory), beside the follow-up alone and the two questions always joined.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Config } from '../config.js';
import { detectLanguage } from '../corpus/language.js';
import { LANGUAGES } from '../corpus/types.js';
import { dependsOnPrevious, FOLLOW_UP_FUSION, searchWithHistory } from '../retrieval/follow-up.js';
import type { RetrievalMode, SearchHit, Searcher } from '../retrieval/types.js';
import { createRuntime } from '../runtime.js';
import { parseQuestions, type EvalQuestion } from './questions.js';

const pairSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(LANGUAGES),
  previous: z.string().trim().min(1),
  question: z.string().trim().min(1),
  gold: z.array(z.tuple([z.string().min(1), z.int().min(1)])).min(1),
  cross: z.boolean().optional(),
});
export type FollowUpPair = z.output<typeof pairSchema>;

/** How a follow-up is searched: alone, always joined to the previous question, or by the service's rule. */
export const STRATEGIES = ['alone', 'joined', 'withHistory'] as const;
type Strategy = (typeof STRATEGIES)[number];

export interface FollowUpReport {
  mode: RetrievalMode;
  topK: number;
  pairs: number;
  /** Pairs the rule took as depending on the previous question. */
  dependent: number;
  /** Share of pairs with a gold paragraph in the top k, per strategy, overall and per language. */
  recall: Record<Strategy, number>;
  byLanguage: Record<string, { pairs: number } & Record<Strategy, number>>;
  /** Per pair: the rank (1-based) of the first gold paragraph per strategy, or null when outside the top k. */
  ranks: { id: string; lang: string; dependent: boolean; ranks: Record<Strategy, number | null> }[];
  /** Recall with history for other weights of the joined query (the service uses FOLLOW_UP_FUSION). */
  weightSweep: { k: number; weight: number; recall: number }[];
  /**
   * Questions that stand alone (the project's question set), each asked after the one before it in the file: what
   * history costs a question that does not need it.
   */
  control?: { questions: number; dependent: number; alone: number; joined: number; withHistory: number };
}

const SWEEP = [5, 20, 60].flatMap((k) => [1, 2, 3].map((weight) => ({ k, weight })));
const sweepKey = (s: { k: number; weight: number }) => `${s.k}/${s.weight}`;

/**
 * Parses the JSONL pairs; the message names the line that is wrong.
 * @example parseFollowUps('{"id":"f1","lang":"en","previous":"Who is X?","question":"Who financed him?","gold":[["a.txt",2]]}')
 */
export function parseFollowUps(text: string, source: string): FollowUpPair[] {
  return text
    .split('\n')
    .map((line, i) => [line, i] as const)
    .filter(([line]) => line.trim())
    .map(([line, i]) => {
      const parsed = pairSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${source}:${i + 1} is not a follow-up pair: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}.`);
      return parsed.data;
    });
}

/**
 * Runs the pairs through the runtime's searcher (building the index first if there is none).
 * @example const report = await runFollowUps({ config: loadConfig(), pairsPath: 'src/eval/follow-ups.jsonl' });
 */
export async function runFollowUps(options: { config: Config; pairsPath: string; standAlonePath?: string; topK?: number; mode?: RetrievalMode }): Promise<FollowUpReport> {
  const topK = options.topK ?? 5;
  const pairs = parseFollowUps(await readFile(options.pairsPath, 'utf8'), options.pairsPath);
  const runtime = await createRuntime(options.config, { log: () => {} });
  const mode = options.mode ?? runtime.mode;
  const ranks: FollowUpReport['ranks'] = [];
  let control: FollowUpReport['control'];
  const sweepHits = new Map<string, number>(SWEEP.map((s) => [sweepKey(s), 0]));
  try {
    for (const pair of pairs) {
      const language = detectLanguage(pair.question);
      const search = { topK, mode, language };
      const lists: Record<Strategy, { chunk: { file: string; paragraph: number } }[]> = {
        alone: await runtime.searcher.search(pair.question, search),
        joined: await runtime.searcher.search(`${pair.previous} ${pair.question}`, search),
        withHistory: await searchWithHistory(runtime.searcher, pair.question, [{ question: pair.previous }], search),
      };
      const gold = new Set(pair.gold.map(([file, paragraph]) => `${file}#${paragraph}`));
      const rankOf = (hits: { chunk: { file: string; paragraph: number } }[]) => {
        const at = hits.findIndex((h) => gold.has(`${h.chunk.file}#${h.chunk.paragraph}`));
        return at === -1 ? null : at + 1;
      };
      for (const setting of SWEEP) {
        const hits = await searchWithHistory(runtime.searcher, pair.question, [{ question: pair.previous }], search, { k: setting.k, weights: [1, setting.weight] });
        if (rankOf(hits) !== null) sweepHits.set(sweepKey(setting), sweepHits.get(sweepKey(setting))! + 1);
      }
      ranks.push({ id: pair.id, lang: pair.lang, dependent: dependsOnPrevious(pair.question, language), ranks: { alone: rankOf(lists.alone), joined: rankOf(lists.joined), withHistory: rankOf(lists.withHistory) } });
    }
    if (options.standAlonePath) control = await runControl(runtime.searcher, parseQuestions(await readFile(options.standAlonePath, 'utf8'), options.standAlonePath), { topK, mode });
  } finally {
    await runtime.embedder?.dispose();
  }
  const share = (rows: typeof ranks, strategy: Strategy) => round(rows.filter((r) => r.ranks[strategy] !== null).length / Math.max(1, rows.length));
  const recallOf = (rows: typeof ranks) => Object.fromEntries(STRATEGIES.map((s) => [s, share(rows, s)])) as Record<Strategy, number>;
  const byLanguage = Object.fromEntries(LANGUAGES.map((l) => [l, ranks.filter((r) => r.lang === l)] as const).filter(([, rows]) => rows.length > 0).map(([l, rows]) => [l, { pairs: rows.length, ...recallOf(rows) }]));
  const weightSweep = SWEEP.map((setting) => ({ ...setting, recall: round(sweepHits.get(sweepKey(setting))! / Math.max(1, pairs.length)) }));
  return { mode, topK, pairs: pairs.length, dependent: ranks.filter((r) => r.dependent).length, recall: recallOf(ranks), byLanguage, ranks, weightSweep, control };
}

async function runControl(searcher: Searcher, questions: EvalQuestion[], search: { topK: number; mode: RetrievalMode }): Promise<NonNullable<FollowUpReport['control']>> {
  let dependent = 0;
  let alone = 0;
  let withHistory = 0;
  let joined = 0;
  for (const [i, q] of questions.entries()) {
    const language = detectLanguage(q.question);
    const history = i > 0 ? [{ question: questions[i - 1]!.question }] : [];
    const gold = new Set(q.gold.map(([file, paragraph]) => `${file}#${paragraph}`));
    const found = (hits: SearchHit[]) => hits.some((h) => gold.has(`${h.chunk.file}#${h.chunk.paragraph}`));
    if (dependsOnPrevious(q.question, language)) dependent += 1;
    if (found(await searcher.search(q.question, { ...search, language }))) alone += 1;
    if (found(await searchWithHistory(searcher, q.question, history, { ...search, language }))) withHistory += 1;
    if (found(await searcher.search(`${history[0]?.question ?? ''} ${q.question}`.trim(), { ...search, language }))) joined += 1;
  }
  const n = Math.max(1, questions.length);
  return { questions: questions.length, dependent, alone: round(alone / n), joined: round(joined / n), withHistory: round(withHistory / n) };
}

/** The report as a Markdown table. */
export function renderFollowUpMarkdown(report: FollowUpReport): string {
  const row = (name: string, pairs: number, r: Record<Strategy, number>) => `| ${name} | ${pairs} | ${r.alone.toFixed(2)} | ${r.joined.toFixed(2)} | ${r.withHistory.toFixed(2)} |`;
  return [
    `## Follow-up questions — recall@${report.topK}, ${report.mode} retrieval`,
    '',
    `${report.pairs} pairs; the rule took ${report.dependent} follow-ups as depending on the previous question.`,
    '',
    '| Language | Pairs | Follow-up alone | Always joined to the previous | With history (the service) |',
    '|---|---:|---:|---:|---:|',
    ...Object.entries(report.byLanguage).map(([language, r]) => row(language, r.pairs, r)),
    row('**all**', report.pairs, report.recall),
    '',
    ...(report.control
      ? [
          `Questions that stand alone (${report.control.questions}), each asked after the one before it: recall@${report.topK} ${report.control.alone.toFixed(2)} alone, ${report.control.joined.toFixed(2)} always joined, ${report.control.withHistory.toFixed(2)} with history (the rule took ${report.control.dependent} as depending on the previous question).`,
          '',
        ]
      : []),
    `With history, by fusion setting k/weight of the joined query (the service's: ${FOLLOW_UP_FUSION.k}/${FOLLOW_UP_FUSION.weights?.[1]}): ${report.weightSweep.map((s) => `${s.k}/${s.weight} → ${s.recall.toFixed(2)}`).join(', ')}.`,
    '',
  ].join('\n');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
