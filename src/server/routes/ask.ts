/** POST /api/ask: retrieve passages for a question and answer it with citations. */
import { Hono } from 'hono';
import { askResponse, retrieve } from '../ask-flow.js';
import type { ResolvedDeps } from '../deps.js';
import { readJsonBody } from '../read-json.js';
import { requestSignal } from '../request-signal.js';
import { AskRequestSchema } from '../schemas.js';

/** Routes: POST /api/ask. */
export function askRoutes(deps: ResolvedDeps): Hono {
  const app = new Hono();
  app.post('/api/ask', async (c) => {
    const request = await readJsonBody(c, AskRequestSchema);
    const retrieved = await retrieve(deps, request);
    const answerStarted = performance.now();
    const result = await deps.answerer.answer(
      { question: retrieved.question, language: retrieved.language, hits: retrieved.hits },
      requestSignal(c, deps.config.server.requestTimeoutMs),
    );
    return c.json(askResponse(deps, retrieved, result, performance.now() - answerStarted));
  });
  return app;
}
