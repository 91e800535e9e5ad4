/** `npm run ask -- [--lang L] [--top-k N] [--json] [--endpoint URL] "question"`: the API's pipeline from the terminal. */
import { ASK_USAGE, parseAskArgs, UsageError } from '../src/cli/ask-args.js';
import { askLocally, askServer } from '../src/cli/ask-question.js';
import { formatAnswer } from '../src/cli/format-answer.js';
import { runCli } from '../src/cli/run-cli.js';
import { loadConfig } from '../src/config.js';
import { prepareModel } from '../src/cli/prepare-model.js';

let args;
try {
  args = parseAskArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`error: ${error.message}\n\n${ASK_USAGE}\n`);
  process.exit(2);
}
if ('help' in args) {
  process.stdout.write(`${ASK_USAGE}\n`);
} else {
  const request = args;
  await runCli(async (signal) => {
    const base = loadConfig({ ...process.env, LOG_REQUESTS: '0', RATE_LIMIT_PER_MINUTE: '0' });
    const body = request.endpoint
      ? await askServer(request, request.endpoint, base.server.apiKey, signal)
      : await askLocally(request, (await prepareModel(base, { provision: false })).config);
    process.stdout.write(request.json ? `${JSON.stringify(body, null, 2)}\n` : formatAnswer(body));
  });
}
