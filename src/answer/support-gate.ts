/**
 * The learned gate: a logistic regression over signals computed at answer time gives the probability that the
 * quoted answer is right; two operating points turn it into `answered`, `possible` or `none`. The weights and
 * the operating points are trained by `npm run eval:gate` and kept in gate-weights.json beside this file.
 */
import type { Support } from './grounding.js';
import weightsFile from './gate-weights.json' with { type: 'json' };

/** The gate's inputs, each a number; the names are the keys of the weights file. */
export interface GateFeatures {
  /** Best cosine of a sentence of the quoted passage to the question. */
  similarity: number;
  /**
   * That similarity less the best of the other passages' sentences in the passage's language (of all other passages
   * when none is in it); negative when another passage is closer.
   */
  similarityMargin: number;
  /** Best IDF-weighted share of the question's terms in one sentence of the passage (0 when only one word is shared). */
  evidence: number;
  /** Share of the question's content words aligned (mutual best token match) in the first-ranked sentence. */
  alignment: number;
  /** Mean best token similarity of the question's content words in the first-ranked sentence. */
  softAlignment: number;
  /** That mean less the best of the same rivals' sentences: the quote aligns better than any rival, or not. */
  softAlignmentMargin: number;
  /** 1 when a sentence of the passage holds one of the question's names or numbers (also in another script). */
  sharesName: number;
  /** 1 when the passage is in another language than the question. */
  crossLingual: number;
  /**
   * 1 when that other language is written in the question's script (English and Italian): names, numbers and
   * cognates then align letter for letter, so the same alignment says less. Chooses the `answered` point; not weighed.
   */
  sameScript: number;
  /** For a question asking for a number or a date: 1 when the sentence holds a number, -1 when not; else 0. */
  answerType: number;
  /** 1 when the passage is the one retrieval ranked first; a quote from further down is less often right. */
  topPassage: number;
  /** The passage's retrieval score (language-balanced in hybrid mode) less the best other passage's. */
  retrievalMargin: number;
  /**
   * log(1 + the question's content words): the alignment of a longer question is stronger evidence (a short one is
   * covered by chance more easily), and longer questions are answered right more often within every set measured.
   */
  questionWords: number;
}

export const GATE_FEATURES = ['similarity', 'similarityMargin', 'evidence', 'alignment', 'softAlignment', 'softAlignmentMargin', 'sharesName', 'crossLingual', 'answerType', 'topPassage', 'retrievalMargin', 'questionWords'] as const satisfies ReadonlyArray<keyof GateFeatures>;

export interface GateModel {
  version: number;
  features: readonly string[];
  /** Standardisation of each feature before the weights apply. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /**
   * Probability at or above which the answer is `answered`: `answered` for a quote in the question's language,
   * `answeredSameScript` for one in another language of the question's script, `answeredCrossLingual` for one in
   * another script. Each is chosen on its own regime's held-back answers: one pooled point left same-language answers
   * below the precision target and held cross-lingual ones far above it, and English questions over Italian passages
   * (aligned letter for letter) were answered wrongly twice as often as the bound under the cross-script point.
   */
  answered: number;
  answeredSameScript: number;
  answeredCrossLingual: number;
  /** Probability at or above which the answer is `possible`. */
  possible: number;
  /** What the model was trained on, and its held-out figures. */
  trainedOn: string;
}

export const GATE_MODEL_VERSION = 3;

/** The trained model shipped with the code. */
export const defaultGateModel: GateModel = weightsFile as GateModel;

/**
 * Probability that the answer is right under `model`.
 * @example gateProbability({ similarity: 0.88, ... }, defaultGateModel) // 0.97
 */
export function gateProbability(features: GateFeatures, model: GateModel): number {
  const z = model.features.reduce((sum, name, i) => {
    const value = features[name as keyof GateFeatures] ?? 0;
    return sum + model.weights[i]! * ((value - model.mean[i]!) / model.scale[i]!);
  }, model.bias);
  return 1 / (1 + Math.exp(-z));
}

/** Which `answered` point a quote is held to: in the question's language, in another of its script, or in another script. */
export type GateRegime = 'sameLanguage' | 'sameScript' | 'otherScript';

export function regimeOf(features: GateFeatures): GateRegime {
  return !features.crossLingual ? 'sameLanguage' : features.sameScript ? 'sameScript' : 'otherScript';
}

/** The model's `answered` point of each regime. */
const ANSWERED_POINT = { sameLanguage: 'answered', sameScript: 'answeredSameScript', otherScript: 'answeredCrossLingual' } as const satisfies Record<GateRegime, keyof GateModel>;

/** The support level at the model's operating points (the answered one of the quote's regime). */
export function gateSupport(features: GateFeatures, model: GateModel): Support {
  const p = gateProbability(features, model);
  return p >= model[ANSWERED_POINT[regimeOf(features)]] ? 'answered' : p >= model.possible ? 'possible' : 'none';
}
