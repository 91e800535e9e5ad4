/** Picks the answerer the configuration asks for. */
import type { Config } from '../config.js';
import { createExtractiveAnswerer } from './extractive.js';
import { createGenerativeAnswerer } from './generative.js';
import type { ScoreSentences } from './sentence-similarity.js';
import type { Answerer } from './types.js';

/**
 * The generative answerer (with the extractive one as its fallback) when an LLM is configured, the extractive one otherwise.
 * `onLlmError` receives each failed model call (the client only sees a generic warning), e.g. to log it.
 * `scoreSentences` (the embedding model) lets the extractive answerer choose sentences by meaning.
 * @example const answerer = createAnswerer(loadConfig(), (error) => console.error(error));
 */
export function createAnswerer(config: Config, onLlmError?: (error: unknown) => void, scoreSentences?: ScoreSentences): Answerer {
  const extractive = createExtractiveAnswerer({ scoreSentences });
  return config.llm ? createGenerativeAnswerer(config.llm, { fallback: extractive, onError: onLlmError }) : extractive;
}

