/**
 * Trains the learned gate (src/answer/support-gate.ts): a logistic regression on standardised features, fitted by
 * gradient descent with a small L2 penalty, then operating points chosen on held-back records: `answered`, for each
 * regime (quote in the question's language, in another of its script, or in another script), at the lowest
 * probability whose answered precision in that regime reaches the target (with few wrong answers in every set),
 * `possible` at the lowest whose share of unanswerable questions at or above it stays within its bound. Pure and
 * deterministic.
 */
import { GATE_FEATURES, GATE_MODEL_VERSION, gateProbability, gateSupport, regimeOf, type GateFeatures, type GateModel, type GateRegime } from '../answer/support-gate.js';

export interface GateExample {
  set: string;
  /** False for a question asked against a corpus that cannot answer it. */
  answerable: boolean;
  /** Whether the answer, quoted as if answered, is right. */
  right: boolean;
  features: GateFeatures;
}

export interface TrainOptions {
  /** Answered precision wanted on the held-back records. */
  precision: number;
  /** Most unanswerable questions at `possible` or above. */
  unanswerablePossible: number;
  /** Most unanswerable questions `answered`. */
  unanswerableAnswered: number;
  /** Most wrong answers `answered` in each answerable set, as a share of the set (the pooled precision can hide one set's). */
  wrongAnsweredPerSet: number;
  iterations: number;
  learningRate: number;
  l2: number;
  /** How much a record of a set counts in the fit (1 unless given). */
  setWeight?: (set: string) => number;
}

export const defaultTrainOptions: TrainOptions = { precision: 0.95, unanswerablePossible: 0.15, unanswerableAnswered: 0.01, wrongAnsweredPerSet: 0.05, iterations: 3000, learningRate: 0.5, l2: 0.001 };

/** An operating point is judged on at least this many answered records: precision over a handful means nothing. */
const MIN_ANSWERED = 10;
/** A set's wrong-and-answered share is bounded only when it holds this many held-back records (one of 15 is 7%). */
const MIN_SET_FOR_SHARE = 50;

/** Every other record of each set is held back, so both halves hold every set in the same proportion. */
export function splitHalves<T extends { set: string }>(records: readonly T[]): { train: T[]; held: T[] } {
  const seen = new Map<string, number>();
  const train: T[] = [];
  const held: T[] = [];
  for (const r of records) {
    const n = seen.get(r.set) ?? 0;
    seen.set(r.set, n + 1);
    (n % 2 === 0 ? train : held).push(r);
  }
  return { train, held };
}

/**
 * @example const model = trainGate(examples, 'project questions; dev halves of xquad_en-ar …').model
 */
export function trainGate(examples: readonly GateExample[], trainedOn: string, options: TrainOptions = defaultTrainOptions): { model: GateModel; held: GateExample[] } {
  const { train, held } = splitHalves(examples);
  const rows = train.map((e) => GATE_FEATURES.map((f) => e.features[f]));
  const mean = GATE_FEATURES.map((_, j) => rows.reduce((s, r) => s + r[j]!, 0) / Math.max(1, rows.length));
  const deviation = (j: number) => Math.sqrt(rows.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / Math.max(1, rows.length));
  // A feature that never varies in the data (rounding leaves it a hair above 0) keeps scale 1 and learns nothing.
  const scale = GATE_FEATURES.map((_, j) => (deviation(j) > 1e-9 ? deviation(j) : 1));
  const x = rows.map((r) => r.map((v, j) => (v - mean[j]!) / scale[j]!));
  const y = train.map((e) => (e.answerable && e.right ? 1 : 0));
  const counts = train.map((e) => options.setWeight?.(e.set) ?? 1);
  const total = counts.reduce((s, c) => s + c, 0);
  const weights = GATE_FEATURES.map(() => 0);
  let bias = 0;
  for (let step = 0; step < options.iterations; step += 1) {
    const gradient = weights.map(() => 0);
    let gradientBias = 0;
    x.forEach((row, i) => {
      const p = 1 / (1 + Math.exp(-(row.reduce((s, v, j) => s + v * weights[j]!, bias))));
      const error = (p - y[i]!) * counts[i]!;
      row.forEach((v, j) => (gradient[j]! += error * v));
      gradientBias += error;
    });
    weights.forEach((w, j) => (weights[j] = w - options.learningRate * (gradient[j]! / total + options.l2 * w)));
    bias -= options.learningRate * (gradientBias / total);
  }
  const fitted: GateModel = { version: GATE_MODEL_VERSION, features: [...GATE_FEATURES], mean, scale, weights, bias, answered: 1, answeredSameScript: 1, answeredCrossLingual: 1, possible: 1, trainedOn };
  return { model: { ...fitted, ...operatingPoints(held, fitted, options) }, held };
}

/**
 * The operating points on held-back records: `answered` for each regime on that regime's records alone, so that each
 * meets the precision; `possible` on all of them.
 */
export function operatingPoints(held: readonly GateExample[], model: GateModel, options: TrainOptions): Pick<GateModel, 'answered' | 'answeredSameScript' | 'answeredCrossLingual' | 'possible'> {
  const scored = held.map((e) => ({ e, p: gateProbability(e.features, model) }));
  const pooled = answeredPoint(scored, options);
  // A regime the held-back records lack keeps the pooled point.
  const pointOf = (regime: GateRegime) => {
    const records = scored.filter((s) => regimeOf(s.e.features) === regime);
    return records.length ? answeredPoint(records, options) : pooled;
  };
  const answered = pointOf('sameLanguage');
  const answeredSameScript = pointOf('sameScript');
  const answeredCrossLingual = pointOf('otherScript');
  // Every unanswerable set within the bound, not only their mix.
  const unanswerableSets = groupBySet(scored.filter((s) => !s.e.answerable));
  const possibleOk = (t: number) => unanswerableSets.every((group) => group.filter((s) => s.p >= t).length / group.length <= options.unanswerablePossible);
  const lowestAnswered = Math.min(answered, answeredSameScript, answeredCrossLingual);
  const possible = Math.min(lowestAnswered, probabilitiesOf(scored).find(possibleOk) ?? lowestAnswered);
  return { answered, answeredSameScript, answeredCrossLingual, possible };
}

type Scored = { e: GateExample; p: number };

const probabilitiesOf = (scored: readonly Scored[]) => [...new Set(scored.map((s) => s.p))].sort((a, b) => a - b);

/** The lowest probability at which the records answered meet the precision, the unanswerable bound and the per-set bound; 1 if none does. */
function answeredPoint(scored: readonly Scored[], options: TrainOptions): number {
  const unanswerable = scored.filter((s) => !s.e.answerable);
  const answerableSets = groupBySet(scored.filter((s) => s.e.answerable)).filter((group) => group.length >= MIN_SET_FOR_SHARE);
  const ok = (t: number) => {
    const above = scored.filter((s) => s.p >= t);
    const right = above.filter((s) => s.e.answerable && s.e.right).length;
    const unanswered = unanswerable.filter((s) => s.p >= t).length / Math.max(1, unanswerable.length);
    const wrongInEverySet = answerableSets.every((group) => group.filter((s) => s.p >= t && !s.e.right).length / group.length <= options.wrongAnsweredPerSet);
    return above.length >= MIN_ANSWERED && right / above.length >= options.precision && unanswered <= options.unanswerableAnswered && wrongInEverySet;
  };
  return probabilitiesOf(scored).find(ok) ?? 1;
}

function groupBySet(scored: readonly Scored[]): Scored[][] {
  return [...new Set(scored.map((s) => s.e.set))].map((set) => scored.filter((s) => s.e.set === set));
}

export interface GateTableRow {
  set: string;
  questions: number;
  rightAnswered: number;
  rightPossible: number;
  wrongAnswered: number;
  none: number;
}

/** Per set: shares of right-and-answered, right-but-possible, wrong-and-answered and none, under the model. */
export function gateTable(examples: readonly GateExample[], model: GateModel): GateTableRow[] {
  return [...new Set(examples.map((e) => e.set))].map((set) => {
    const group = examples.filter((e) => e.set === set);
    const level = (e: GateExample) => gateSupport(e.features, model);
    const share = (test: (e: GateExample) => boolean) => group.filter(test).length / group.length;
    return {
      set,
      questions: group.length,
      rightAnswered: share((e) => e.right && level(e) === 'answered'),
      rightPossible: share((e) => e.right && level(e) === 'possible'),
      wrongAnswered: share((e) => !e.right && level(e) === 'answered'),
      none: share((e) => level(e) === 'none'),
    };
  });
}
