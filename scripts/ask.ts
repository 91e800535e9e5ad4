/** `npm run ask -- "question"`: the API's pipeline from the terminal, answer and citations printed readably. */
import { formatAnswer } from '../src/cli/format-answer.js';
import { runCli } from '../src/cli/run-cli.js';
import { loadConfig } from '../src/config.js';
import { createRuntime } from '../src/runtime.js';

await runCli(async () => {
  const question = process.argv.slice(2).join(' ').trim();
  if (!question) throw new Error('Usage: npm run ask -- "your question"');
  const config = loadConfig({ ...process.env, LOG_REQUESTS: '0', RATE_LIMIT_PER_MINUTE: '0' });
  const { app } = await createRuntime(config);
  const response = await app.request('/api/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(config.server.apiKey ? { authorization: `Bearer ${config.server.apiKey}` } : {}) },
    body: JSON.stringify({ question }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  process.stdout.write(formatAnswer(body));
});
