/** `npm start`: builds the widget and (if missing) the index, loads it once, and serves the API and widget. */
import { createBuildReporter } from '../src/cli/build-reporter.js';
import { runCli } from '../src/cli/run-cli.js';
import { loadConfig } from '../src/config.js';
import { createRuntime } from '../src/runtime.js';
import { startServer } from '../src/server/serve.js';
import { ensureWidgetBuilt } from '../src/widget/build-widget.js';

await runCli(async (signal) => {
  const config = loadConfig();
  await ensureWidgetBuilt();
  const reporter = createBuildReporter();
  const runtime = await createRuntime(config, { onBuildEvent: reporter.onEvent, signal });
  signal.throwIfAborted();
  const { manifest } = runtime.index;
  const server = await startServer(runtime.app, { host: config.server.host, port: config.server.port });
  const reason = (manifest.reason ?? 'lexical index').split('\n')[0];
  const why = runtime.mode === 'hybrid' ? `model ${manifest.model}` : `${reason} — details at /health`;
  console.log(
    `Serving ${manifest.files.length} files (${manifest.chunks} chunks) on http://${config.server.host}:${server.port} ` +
      `— ${runtime.mode} retrieval (${why}); answers: ${config.llm ? `LLM ${config.llm.model}` : 'extractive'}`,
  );
});
