/**
 * Answer-level figures: is an answer right (it quotes a gold paragraph and, where the set has gold answer strings,
 * one of them stands in the quoted text), and is `grounded` to be trusted. Pure functions over answers.
 */
import type { AnswerResult } from '../answer/types.js';

/** One question's answer, judged. */
export interface AnswerOutcome {
  right: boolean;
  grounded: boolean;
  /** Shown as "Possibly relevant": neither confirmed nor sent away. */
  possible: boolean;
  /** Where the question has gold answer strings: one stands in an answer marked answered. */
  goldInAnswered?: boolean;
}

export interface AnswerSummary {
  questions: number;
  /** Share of questions whose answer is right. */
  answerRight: number;
  /** Right among answers marked grounded; undefined when none is. */
  groundedPrecision?: number;
  /** Right answers marked grounded, among the right answers (the gate's recall); 0 when none is right. */
  groundedRecall: number;
  /** Share of questions whose answer is marked grounded but is wrong. */
  wronglyConfident: number;
  /** Share of answers in the "possibly relevant" state. */
  possible: number;
  /** Right and marked answered (confident). */
  rightAndConfident: number;
  /** Right but only "possibly relevant" (hedged). */
  rightButHedged: number;
  /** Marked neither answered nor possible: "not in the documents". */
  nothingFound: number;
  /** Among questions with gold answer strings: one stands in an answer marked answered; undefined without strings. */
  goldInAnswered?: number;
}

const normalize = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Whether any gold answer string stands in the text (case, width and spacing ignored). */
export function containsGoldString(text: string, answers: readonly string[]): boolean {
  const haystack = normalize(text);
  return answers.some((a) => normalize(a) !== '' && haystack.includes(normalize(a)));
}

/**
 * Judges one answer. `isGold` says whether a cited paragraph is a gold one; with `goldStrings`, one of them must
 * also stand in the answer's text.
 * @example judgeAnswer(result, (file) => file === 'a.txt') // { right: true, grounded: true, possible: false }
 */
export function judgeAnswer(result: AnswerResult, isGold: (file: string, paragraph: number) => boolean, goldStrings?: readonly string[]): AnswerOutcome {
  const quotesGold = result.citations.some((c) => c.quotes.length > 0 && isGold(c.file, c.paragraph));
  const holdsString = !goldStrings?.length || containsGoldString(result.answer, goldStrings);
  const outcome = { right: quotesGold && holdsString, grounded: result.grounded, possible: result.support === 'possible' };
  return goldStrings?.length ? { ...outcome, goldInAnswered: result.grounded && containsGoldString(result.answer, goldStrings) } : outcome;
}

/** The figures over a group of answerable questions. */
export function summarizeAnswers(outcomes: readonly AnswerOutcome[]): AnswerSummary {
  const n = outcomes.length;
  const share = (count: number) => (n ? count / n : 0);
  const grounded = outcomes.filter((o) => o.grounded);
  const groundedRight = grounded.filter((o) => o.right).length;
  const rightCount = outcomes.filter((o) => o.right).length;
  const withStrings = outcomes.filter((o) => o.goldInAnswered !== undefined);
  return {
    questions: n,
    answerRight: share(rightCount),
    groundedPrecision: grounded.length ? groundedRight / grounded.length : undefined,
    groundedRecall: rightCount ? groundedRight / rightCount : 0,
    wronglyConfident: share(grounded.length - groundedRight),
    possible: share(outcomes.filter((o) => o.possible).length),
    rightAndConfident: share(groundedRight),
    rightButHedged: share(outcomes.filter((o) => o.right && o.possible).length),
    nothingFound: share(outcomes.filter((o) => !o.grounded && !o.possible).length),
    ...(withStrings.length && { goldInAnswered: withStrings.filter((o) => o.goldInAnswered).length / withStrings.length }),
  };
}
