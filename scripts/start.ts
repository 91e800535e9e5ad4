/** `npm start`: builds the widget and (if missing) the index, loads it once, and serves the API and widget. */
import { createBuildReporter } from '../src/cli/build-reporter.js';
import { runCli } from '../src/cli/run-cli.js';
import { loadConfig } from '../src/config.js';
import { prepareModel } from '../src/cli/prepare-model.js';
import { createRuntime } from '../src/runtime.js';
import { startServer } from '../src/server/serve.js';
import { ensureWidgetBuilt } from '../src/widget/build-widget.js';

const MODEL_SOURCE = {
  EMBEDDING_MODEL: 'set by EMBEDDING_MODEL',
  index: "the index's model",
  'MODELS_DIR default': 'the default in MODELS_DIR',
  'built-in default': 'the built-in default',
} as const;

await runCli(async (signal) => {
  await ensureWidgetBuilt();
  const { config, chosenBy, openEmbedder } = await prepareModel(loadConfig(), { provision: true });
  const reporter = createBuildReporter();
  const runtime = await createRuntime(config, { onBuildEvent: reporter.onEvent, openEmbedder, signal });
  signal.throwIfAborted();
  const { manifest } = runtime.index;
  const server = await startServer(runtime.app, { host: config.server.host, port: config.server.port });
  const reason = (manifest.reason ?? 'lexical index').split('\n')[0];
  const weights = runtime.embedder ? ` (${runtime.embedder.dtype} weights)` : '';
  const why = runtime.mode === 'hybrid' ? `model ${manifest.model}${weights}, ${MODEL_SOURCE[chosenBy]}` : `${reason} — details at /health`;
  console.log(
    `Serving ${manifest.files.length} files (${manifest.chunks} chunks) on http://${config.server.host}:${server.port} ` +
      `— ${runtime.mode} retrieval (${why}); answers: ${config.llm ? `LLM ${config.llm.model}` : 'extractive'}`,
  );
}, { keepsRunning: true });
