/** The evaluation report as data (written as JSON) and its Markdown rendering, with honest notes about the mode and model. */
import type { AnswerSummary } from './answer-metrics.js';
import type { MetricSummary } from './metrics.js';
import type { GroupRow, Miss } from './score-run.js';

/** What was measured, and how. */
export interface EvalSetup {
  questionSet: { name: string; path: string; questions: number };
  /** Mode the questions ran in, and the mode the index was built for. */
  mode: 'hybrid' | 'lexical' | 'dense';
  indexMode: 'hybrid' | 'lexical';
  /** Embedding model used for queries, or null when none was. */
  model: string | null;
  dimensions: number | null;
  /** Why the index or the run is lexical-only, when it is. */
  lexicalReason?: string;
  /** How the model folder describes itself (its config.json `_comment`), when it does. */
  modelDescription?: string;
  topK: number;
  /** How many paragraphs each ranker returned per question (recall@10 and nDCG@10 need at least 10). */
  depth: number;
  index: { dir: string; files: number; chunks: number; builtAt: string };
  /** How the question's language was given to retrieval. */
  languageSource: 'detected';
}

export interface EvalReport {
  createdAt: string;
  setup: EvalSetup;
  notes: string[];
  groups: GroupRow[];
  misses: Miss[];
  warnings: string[];
}

export const BASELINE_NAME = 'word-overlap baseline';

/** Plain-language caveats for the setup: what the mode and model can and cannot do cross-lingually. */
export function describeSetup(setup: EvalSetup): string[] {
  const notes: string[] = [];
  if (setup.mode === 'lexical') {
    notes.push(
      `Retrieval ran in lexical mode (BM25 only)${setup.lexicalReason ? `: ${setup.lexicalReason}` : '.'} ` +
        'Without an embedding model a question can only reach paragraphs that share its words, names or numbers, ' +
        'so cross-lingual figures are low by construction; they are not a measure of the hybrid system.',
    );
  } else {
    notes.push(
      `Retrieval ran in ${setup.mode} mode with the embedding model ${setup.model} (${setup.dimensions} dimensions). ` +
        'Cross-lingual figures depend on that model being a trained multilingual one.',
    );
    // Only a folder that calls itself a test model gets the warning: a converted real model describes its source too.
    if (setup.modelDescription && /\btest model\b/i.test(setup.modelDescription)) {
      notes.push(
        `The model folder describes itself as: "${setup.modelDescription}" A model like that is for tests, not for meaning; ` +
          'expect dense and cross-lingual figures to be low and not representative of a real multilingual model.',
      );
    } else if (setup.modelDescription) {
      notes.push(`The model folder describes itself as: "${setup.modelDescription}"`);
    }
  }
  notes.push(
    `The ${BASELINE_NAME} ranks paragraphs by the number of distinct lower-cased words (Intl.Segmenter, no stemming) they share with the question; ` +
      'it is a reference point, not a competitor.',
  );
  notes.push(
    'recall@k: share of questions with any gold paragraph in the first k; MRR: mean 1/rank of the first gold paragraph ' +
      `within the first ${setup.depth}; nDCG@10: binary relevance over all gold paragraphs. The question language was detected as the API does when no \`lang\` is sent.`,
  );
  return notes;
}

const pct = (x: number) => x.toFixed(3);

function metricCells(m: MetricSummary): string {
  return [m.recallAt1, m.recallAt5, m.recallAt10, m.mrr, m.ndcgAt10].map(pct).join(' | ');
}

/** Renders the report as Markdown: setup, notes, the metric table (system and baseline per group), then misses. */
export function renderEvalMarkdown(report: EvalReport): string {
  const { setup } = report;
  const lines: string[] = [
    `# Retrieval evaluation: ${setup.questionSet.name}`,
    '',
    `- Questions: ${setup.questionSet.questions} from \`${setup.questionSet.path}\``,
    `- Mode: **${setup.mode}** (index built as ${setup.indexMode}); model: ${setup.model ?? 'none'}`,
    `- Index: ${setup.index.files} files, ${setup.index.chunks} chunks, built ${setup.index.builtAt} (\`${setup.index.dir}\`)`,
    `- topK for misses: ${setup.topK}; retrieval depth: ${setup.depth}; run at ${report.createdAt}`,
    '',
    ...report.notes.map((n) => `> ${n}\n>`),
    '',
    '| group | ranker | n | recall@1 | recall@5 | recall@10 | MRR | nDCG@10 |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of report.groups) {
    lines.push(`| ${row.group} | system (${setup.mode}) | ${row.system.questions} | ${metricCells(row.system)} |`);
    lines.push(`| ${row.group} | ${BASELINE_NAME} | ${row.baseline.questions} | ${metricCells(row.baseline)} |`);
  }
  const answered = report.groups.filter((row) => row.answers);
  if (answered.length > 0) {
    lines.push('', `## Answers (the service's answer from the top ${setup.topK})`, '', ANSWER_LEGEND, '', ANSWER_HEADER, '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of answered) lines.push(`| ${row.group} | ${answerCells(row.answers!).join(' | ')} |`);
  }
  if (report.warnings.length > 0) {
    lines.push('', '## Warnings', '', ...report.warnings.map((w) => `- ${w}`));
  }
  lines.push('', `## Misses (no gold paragraph in the top ${setup.topK}): ${report.misses.length}`, '');
  for (const miss of report.misses) {
    const rank = miss.goldRank === null ? `not in the top ${setup.depth}` : `first gold at rank ${miss.goldRank}`;
    lines.push(`### ${miss.id} (${miss.lang}${miss.cross ? ', cross-lingual' : ''}; ${rank})`, '', `**Q:** ${miss.question}`, '', 'Gold:');
    lines.push(...miss.gold.map((p) => `- \`${p.key}\` ${p.excerpt}`), '', 'Returned instead:');
    lines.push(...(miss.returned.length ? miss.returned.map((p, i) => `${i + 1}. \`${p.key}\` ${p.excerpt}`) : ['(nothing)']), '');
  }
  return `${lines.join('\n')}\n`;
}

const ANSWER_LEGEND =
  'right: the answer quotes a gold paragraph; confident: marked answered; hedged: shown as "Possibly relevant"; nothing found: "not in the documents"; grounded precision: right among answers marked answered; grounded recall: marked answered among the right answers.';
const ANSWER_HEADER = '| group | n | right | right and confident | right but hedged | wrong and confident | nothing found | grounded precision | grounded recall |';

function answerCells(a: AnswerSummary): string[] {
  const precision = a.groundedPrecision === undefined ? '—' : pct(a.groundedPrecision);
  return [String(a.questions), pct(a.answerRight), pct(a.rightAndConfident), pct(a.rightButHedged), pct(a.wronglyConfident), pct(a.nothingFound), precision, pct(a.groundedRecall)];
}

/** A short plain-text summary for the terminal: the metric table without misses. */
export function renderEvalSummary(report: EvalReport): string {
  const header = `${'group'.padEnd(14)} ${'ranker'.padEnd(22)} ${'n'.padStart(3)}  R@1    R@5    R@10   MRR    nDCG@10`;
  const rows = report.groups.flatMap((row) => {
    const rankers: [string, MetricSummary][] = [
      [`system (${report.setup.mode})`, row.system],
      [BASELINE_NAME, row.baseline],
    ];
    return rankers.map(([name, m]) => {
      const cells = [m.recallAt1, m.recallAt5, m.recallAt10, m.mrr, m.ndcgAt10].map((x) => pct(x).padEnd(6)).join(' ');
      return `${row.group.padEnd(14)} ${name.padEnd(22)} ${String(m.questions).padStart(3)}  ${cells}`;
    });
  });
  const answered = report.groups.filter((row) => row.answers);
  const answerLines = answered.length
    ? ['', `answers (${ANSWER_LEGEND})`, `${'group'.padEnd(14)} ${'n'.padStart(3)}  right  right+ hedged wrong+ none   g.prec g.rec`,
        ...answered.map((row) => {
          const [n, ...cells] = answerCells(row.answers!);
          return `${row.group.padEnd(14)} ${n!.padStart(3)}  ${cells.map((c) => c.padEnd(6)).join(' ')}`;
        })]
    : [];
  return [header, ...rows, `misses (top ${report.setup.topK}): ${report.misses.length}`, ...answerLines].join('\n');
}
