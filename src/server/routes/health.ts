/** GET /health: is the service up, and what index and retrieval mode is it serving. */
import { Hono } from 'hono';
import { crossLingualMeaning } from '../../retrieval/mode-meaning.js';
import { retrievalInfo } from '../ask-flow.js';
import type { ResolvedDeps } from '../deps.js';
import { keyChecker } from '../middleware/api-key.js';
import type { HealthResponse } from '../schemas.js';

/**
 * Routes: GET /health (outside /api, so no key or rate limit: load balancers can probe it). The model (an id or a
 * folder path) and the fallback reason (which can name folders) are details for key holders only.
 */
export function healthRoutes(deps: ResolvedDeps): Hono {
  const app = new Hono();
  const isKeyHolder = keyChecker(deps.config.server.apiKey);
  app.get('/health', (c) => {
    const { manifest, servedGeneration } = deps.index;
    const { mode, model } = retrievalInfo(deps);
    const reason =
      manifest.reason ??
      (mode === 'lexical' && manifest.retrieval === 'hybrid'
        ? 'The index has vectors, but the server runs without the embedding model (RETRIEVAL=lexical or the model did not load).'
        : undefined);
    const details = isKeyHolder(c.req.header('authorization'));
    const body: HealthResponse = {
      status: 'ok',
      retrieval: { mode, ...(details && mode === 'lexical' && reason && { reason }), crossLingual: crossLingualMeaning(mode) },
      ...(details && { model }),
      files: manifest.files.length,
      chunks: manifest.chunks,
      builtAt: manifest.builtAt,
      ...(servedGeneration && { generation: servedGeneration }),
    };
    return c.json(body);
  });
  return app;
}
