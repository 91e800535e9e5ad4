/** GET /api/suggestions?lang=: the operator's starter questions for an empty conversation (SUGGESTIONS). */
import { Hono } from 'hono';
import { z } from 'zod';
import type { ResolvedDeps } from '../deps.js';
import { validate } from '../read-json.js';
import { LanguageSchema } from '../schemas.js';

const SuggestionsQuerySchema = z.object({ lang: LanguageSchema.default('en') });

/** Routes: GET /api/suggestions. Never invents questions: without SUGGESTIONS for the language, the list is empty. */
export function suggestionsRoutes(deps: ResolvedDeps): Hono {
  const app = new Hono();
  app.get('/api/suggestions', (c) => {
    const { lang } = validate(SuggestionsQuerySchema, c.req.query());
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ language: lang, suggestions: deps.config.suggestions[lang] ?? [] });
  });
  return app;
}
