/** 405 with an Allow header for a method the API does not serve on one of its own paths (TRACE /api/ask, …). */
import { Hono } from 'hono';
import { apiError } from '../errors.js';

/** The API's paths and the methods each serves (HEAD comes with GET; OPTIONS is CORS preflight). */
const ALLOWED: Record<string, string[]> = {
  '/api/ask': ['POST'],
  '/api/ask/stream': ['POST'],
  '/api/search': ['GET', 'HEAD'],
  '/api/sources/:file': ['GET', 'HEAD'],
  '/api/sources/:file/:paragraph': ['GET', 'HEAD'],
  '/api/feedback': ['POST'],
  '/api/suggestions': ['GET', 'HEAD'],
  '/health': ['GET', 'HEAD'],
  '/openapi.json': ['GET', 'HEAD'],
  '/originals/:file{.+}': ['GET', 'HEAD'],
};

/** Routes to mount after the API's own: whatever reaches them used a method the path does not have. */
export function methodNotAllowedRoutes(): Hono {
  const app = new Hono();
  for (const [path, methods] of Object.entries(ALLOWED)) {
    const allow = [...methods, 'OPTIONS'].join(', ');
    app.all(path, (c) => {
      c.header('Allow', allow);
      throw apiError(405, 'method_not_allowed', `${c.req.method} is not served on ${c.req.path}; use ${methods.filter((m) => m !== 'HEAD').join(' or ')}.`);
    });
  }
  return app;
}
