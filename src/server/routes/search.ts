/** GET /api/search: the ranked passages for a query, without an answer. */
import { Hono } from 'hono';
import { buildCitations } from '../../answer/citations.js';
import { retrievalInfo, retrieve, roundMs } from '../ask-flow.js';
import type { ResolvedDeps } from '../deps.js';
import { validate } from '../read-json.js';
import { SearchQuerySchema, type SearchResponse } from '../schemas.js';

/** Routes: GET /api/search?q=…&topK=…&lang=… */
export function searchRoutes(deps: ResolvedDeps): Hono {
  const app = new Hono();
  app.get('/api/search', async (c) => {
    const query = validate(SearchQuerySchema, c.req.query());
    const retrieved = await retrieve(deps, { question: query.q, topK: query.topK, lang: query.lang });
    const body: SearchResponse = {
      query: retrieved.question,
      language: retrieved.language,
      results: buildCitations(retrieved.hits),
      retrieval: retrievalInfo(deps),
      timingsMs: { retrieve: roundMs(retrieved.retrieveMs), total: roundMs(performance.now() - retrieved.startedAt) },
    };
    return c.json(body);
  });
  return app;
}
