/** `npm run index`: builds INDEX_DIR from CORPUS_DIR (hybrid when the embedding model loads, lexical otherwise). */
import { createBuildReporter } from '../src/cli/build-reporter.js';
import { runCli } from '../src/cli/run-cli.js';
import { loadConfig } from '../src/config.js';
import { prepareModel } from '../src/cli/prepare-model.js';
import { buildIndex } from '../src/index/build-index.js';

await runCli(async (signal) => {
  const { config, openEmbedder } = await prepareModel(loadConfig(), { provision: true });
  const reporter = createBuildReporter();
  try {
    const report = await buildIndex(config, { loadEmbedder: () => openEmbedder(config), onEvent: reporter.onEvent, signal });
    reporter.finish(report);
  } catch (error) {
    reporter.fail();
    throw error;
  }
});
