/** Test helper: the real pipeline (lexical build, load, searcher, extractive answerer) over a temp copy of the corpus. */
import { createAnswerer } from '../../src/answer/create-answerer.js';
import { createListItemLookup } from '../../src/answer/list-items.js';
import type { Answerer } from '../../src/answer/types.js';
import type { Config } from '../../src/config.js';
import { buildIndex } from '../../src/index/build-index.js';
import { loadIndex } from '../../src/index/load-index.js';
import type { LoadedIndex } from '../../src/index/types.js';
import { createSearcher } from '../../src/retrieval/create-searcher.js';
import type { Searcher } from '../../src/retrieval/types.js';
import { createTempProject } from './temp-project.js';

export interface TestRuntime {
  config: Config;
  index: LoadedIndex;
  searcher: Searcher;
  answerer: Answerer;
}

/** Builds a lexical index of the real corpus in a temp folder and loads it. `env` overrides settings. */
export async function createTestRuntime(env: Record<string, string> = {}): Promise<TestRuntime> {
  const { config } = await createTempProject({ RETRIEVAL: 'lexical', ...env });
  await buildIndex(config);
  const index = await loadIndex({ indexDir: config.indexDir, model: config.embedding.model, retrieval: config.retrieval, efSearch: config.hnsw.efSearch });
  return { config, index, searcher: createSearcher({ index }), answerer: createAnswerer(config, { listItemsAfter: createListItemLookup(index.chunks) }) };
}
