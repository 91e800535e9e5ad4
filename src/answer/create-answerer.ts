/** Picks the answerer the configuration asks for. */
import type { Config } from '../config.js';
import { createExtractiveAnswerer } from './extractive.js';
import { createGenerativeAnswerer } from './generative.js';
import type { Answerer } from './types.js';

/**
 * The generative answerer (with the extractive one as its fallback) when an LLM is configured, the extractive one otherwise.
 * @example const answerer = createAnswerer(loadConfig());
 */
export function createAnswerer(config: Config): Answerer {
  const extractive = createExtractiveAnswerer();
  return config.llm ? createGenerativeAnswerer(config.llm, { fallback: extractive }) : extractive;
}

