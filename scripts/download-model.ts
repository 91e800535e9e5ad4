/** `npm run model:download`: fetches EMBEDDING_MODEL into MODELS_DIR with progress bars; exits non-zero with the reason when it cannot. */
import { loadConfig } from '../src/config.js';
import { downloadModel } from '../src/embedding/download-model.js';
import { createDownloadProgress } from '../src/embedding/download-progress.js';

const config = loadConfig();
process.stderr.write(`Getting ${config.embedding.model} (MODELS_DIR=${config.modelsDir}) ...\n`);
const display = createDownloadProgress(process.stderr);
try {
  const result = await downloadModel(config, (event) => display.onProgress(event));
  display.stop();
  process.stdout.write(
    result.localFolder
      ? `EMBEDDING_MODEL is the local folder ${result.dir}: nothing to download; it loads (${result.dimensions} dimensions).\n`
      : `Ready: ${result.dir} (${result.dimensions} dimensions).\n` +
          `For a machine without internet, copy ${config.modelsDir} to its MODELS_DIR (default ./models) and set OFFLINE=1.\n`,
  );
} catch (error) {
  display.stop();
  process.stderr.write(`\nmodel:download failed.\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
