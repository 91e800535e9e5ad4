/** Turns per-question rankings into the grouped metric rows and the list of misses that a report shows. */
import { LANGUAGES } from '../corpus/types.js';
import { summarizeAnswers, type AnswerOutcome, type AnswerSummary } from './answer-metrics.js';
import { firstGoldRank, paragraphKey, summarize, type MetricSummary } from './metrics.js';
import type { EvalQuestion } from './questions.js';

/** One group of questions (all, one language, same-language or cross-lingual) scored for both rankers. */
export interface GroupRow {
  group: string;
  system: MetricSummary;
  baseline: MetricSummary;
  /** The service's answers (extractive or LLM) to the group's questions, judged; absent when not asked. */
  answers?: AnswerSummary;
}

/** A paragraph as a report shows it: its key and the start of its text. */
export interface ShownParagraph {
  key: string;
  excerpt: string;
}

/** A question whose gold paragraphs were not in the system's top k. */
export interface Miss {
  id: string;
  lang: string;
  cross: boolean;
  question: string;
  gold: ShownParagraph[];
  returned: ShownParagraph[];
  /** Rank of the first gold paragraph within the deeper retrieval depth, or null. */
  goldRank: number | null;
}

export interface ScoredRun {
  groups: GroupRow[];
  misses: Miss[];
  /** Gold paragraphs that the index does not have (a question set for another corpus, or a typo). */
  unknownGold: string[];
}

export interface ScoreInput {
  questions: readonly EvalQuestion[];
  /** Ranked paragraph keys per question id, from the system and from the baseline. */
  system: ReadonlyMap<string, readonly string[]>;
  baseline: ReadonlyMap<string, readonly string[]>;
  /** A question is a miss when no gold paragraph is in the system's first `topK`. */
  topK: number;
  /** Text of a paragraph by key, or undefined when the index does not have it. */
  textOf: (key: string) => string | undefined;
  /** Characters of paragraph text shown in misses. */
  excerptChars?: number;
  /** Language of a paragraph by key; with it, questions are also grouped by pair (`en→ar`: question → gold paragraph). */
  languageOf?: (key: string) => string | undefined;
  /** Each question's answer, judged (see answer-metrics.ts). */
  answers?: ReadonlyMap<string, AnswerOutcome>;
}

/**
 * Scores both rankers over all questions, each language present, and same-language vs cross-lingual questions.
 * @example scoreRun({ questions, system, baseline, topK: 5, textOf }).groups[0] // { group: 'all', system: {…}, baseline: {…} }
 */
export function scoreRun(input: ScoreInput): ScoredRun {
  const { questions, topK, textOf } = input;
  const goldOf = (q: EvalQuestion) => new Set(q.gold.map(([file, paragraph]) => paragraphKey(file, paragraph)));
  const row = (group: string, members: readonly EvalQuestion[]): GroupRow => ({
    group,
    system: summarize(members.map((q) => ({ ranked: input.system.get(q.id) ?? [], gold: goldOf(q) }))),
    baseline: summarize(members.map((q) => ({ ranked: input.baseline.get(q.id) ?? [], gold: goldOf(q) }))),
    ...(input.answers && { answers: summarizeAnswers(members.flatMap((q) => input.answers!.get(q.id) ?? [])) }),
  });

  const groups = [row('all', questions)];
  for (const lang of LANGUAGES) {
    const members = questions.filter((q) => q.lang === lang);
    if (members.length > 0) groups.push(row(lang, members));
  }
  groups.push(row('same-language', questions.filter((q) => !q.cross)));
  groups.push(row('cross-lingual', questions.filter((q) => q.cross)));
  if (input.languageOf) {
    const pairOf = (q: EvalQuestion) => `${q.lang}→${input.languageOf!(paragraphKey(...q.gold[0]!)) ?? '?'}`;
    for (const pair of [...new Set(questions.map(pairOf))].sort()) groups.push(row(pair, questions.filter((q) => pairOf(q) === pair)));
  }

  const show = (key: string): ShownParagraph => ({ key, excerpt: excerpt(textOf(key) ?? '(not in the index)', input.excerptChars ?? 160) });
  const misses: Miss[] = [];
  for (const q of questions) {
    const ranked = input.system.get(q.id) ?? [];
    const gold = goldOf(q);
    const rank = firstGoldRank(ranked, gold);
    if (rank !== null && rank <= topK) continue;
    misses.push({
      id: q.id,
      lang: q.lang,
      cross: q.cross,
      question: q.question,
      gold: [...gold].map(show),
      returned: ranked.slice(0, topK).map(show),
      goldRank: rank,
    });
  }

  const unknownGold = [...new Set(questions.flatMap((q) => [...goldOf(q)]))].filter((key) => textOf(key) === undefined);
  return { groups, misses, unknownGold };
}

/** The first `chars` characters of a text on one line, with an ellipsis when cut. */
export function excerpt(text: string, chars: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= chars ? line : `${line.slice(0, chars).trimEnd()}…`;
}
