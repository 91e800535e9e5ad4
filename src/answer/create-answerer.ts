/** Picks the answerer the configuration asks for. */
import type { Config } from '../config.js';
import type { AbbreviationsOf } from './abbreviations.js';
import { createExtractiveAnswerer } from './extractive.js';
import { createGenerativeAnswerer } from './generative.js';
import type { ListItemsAfter } from './list-items.js';
import type { AlignSentences } from './sentence-aligner.js';
import type { ScoreSentences } from './sentence-similarity.js';
import type { Answerer } from './types.js';
import type { ParagraphOf } from './widen-hits.js';

/** What the extractive answerer reads besides the hits: the model's sentence evidence and the index's paragraphs. */
export interface ExtractiveDeps {
  /** The embedding model's sentence similarity: the extractive answerer chooses sentences by meaning too. */
  scoreSentences?: ScoreSentences;
  /** Word alignment through the model's token states: the learned gate, highlights and gloss need it. */
  alignSentences?: AlignSentences;
  /** The index's list items after a passage ending in ":" (`createListItemLookup(index.chunks)`). */
  listItemsAfter?: ListItemsAfter;
  /** The paragraph of a hit, from the index's documents: the extractive answerer reads it around the hit's chunk. */
  paragraphOf?: ParagraphOf;
  /** The short forms a file's document defines (`documentAbbreviations`): alignment reads them spelled out. */
  abbreviationsOf?: AbbreviationsOf;
}

export interface AnswererDeps extends ExtractiveDeps {
  /** Receives each failed model call (the client only sees a generic warning), e.g. to log it. */
  onLlmError?: (error: unknown) => void;
}

/**
 * The generative answerer (with the extractive one as its fallback) when an LLM is configured, the extractive one otherwise.
 * @example const answerer = createAnswerer(loadConfig(), { onLlmError: (error) => console.error(error) });
 */
export function createAnswerer(config: Config, deps: AnswererDeps = {}): Answerer {
  const { onLlmError, ...extractiveDeps } = deps;
  const extractive = createExtractiveAnswerer(extractiveDeps);
  return config.llm ? createGenerativeAnswerer(config.llm, { fallback: extractive, onError: onLlmError }) : extractive;
}
