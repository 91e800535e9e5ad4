/** GET /openapi.json: the API description. */
import { Hono } from 'hono';
import type { ResolvedDeps } from '../deps.js';
import { buildOpenApiDocument } from '../openapi.js';

/** Routes: GET /openapi.json (built once). */
export function openApiRoutes(deps: ResolvedDeps): Hono {
  const app = new Hono();
  const document = buildOpenApiDocument({
    apiKeyRequired: Boolean(deps.config.server.apiKey),
    exampleFile: deps.config.server.apiKey ? undefined : deps.index.manifest.files[0]?.file,
  });
  app.get('/openapi.json', (c) => c.json(document));
  return app;
}
