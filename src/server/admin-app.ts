/**
 * The served app when ADMIN_API_KEY is set: the admin API and page in front, everything else handed to the current
 * app, which is replaced when a new index is swapped in (so a rebuild needs no restart).
 */
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { Config } from '../config.js';
import { adminPageRoutes } from '../admin/admin-page-routes.js';
import type { IndexJob } from '../index/index-job.js';
import type { LoadedIndex } from '../index/types.js';
import type { LogFn } from './deps.js';
import { apiError, createErrorHandler, notFoundHandler } from './errors.js';
import { apiKeyAuth } from './middleware/api-key.js';
import { rateLimit } from './middleware/rate-limit.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { adminDocumentRoutes } from './routes/admin-documents.js';

export interface AdminAppDeps {
  config: Config & { admin: NonNullable<Config['admin']> };
  job: IndexJob;
  currentIndex: () => LoadedIndex;
  /** The app that serves everything else: read at every request, so a swap takes effect at once. */
  currentApp: () => Hono;
  log: LogFn;
}

const ADMIN_API = ['/api/documents', '/api/documents/*', '/api/index', '/api/index/*'];

/**
 * Builds the front app. The admin routes take only ADMIN_API_KEY (never API_KEY) and allow no cross-origin use.
 * @example const app = adminApp({ config, job, currentIndex: () => index, currentApp: () => served, log });
 */
export function adminApp(deps: AdminAppDeps): Hono {
  const { server, admin } = deps.config;
  const app = new Hono();
  const own = new Hono();
  own.use(requestId());
  if (server.logRequests) own.use(requestLog({ log: deps.log }));
  own.use(securityHeaders());
  // Rate limit before the key check, so guessing the key is limited too.
  if (server.rateLimitPerMinute > 0) {
    const limiter = rateLimit({ perMinute: server.rateLimitPerMinute, trustProxy: server.trustProxy });
    for (const route of ADMIN_API) own.use(route, limiter);
  }
  const auth = apiKeyAuth({ apiKey: admin.apiKey });
  for (const route of ADMIN_API) {
    own.use(route, async (c, next) => {
      // The read key's 401 says API_KEY; this one must name the admin key.
      try {
        await auth(c, next);
      } catch (error) {
        if ((error as { status?: number }).status === 401) throw apiError(401, 'unauthorized', 'Managing documents needs the admin key: send "Authorization: Bearer <ADMIN_API_KEY>".');
        throw error;
      }
    });
  }
  own.route('/', adminDocumentRoutes({ corpusDir: deps.config.corpusDir, maxUploadBytes: admin.maxUploadBytes, job: deps.job, currentIndex: deps.currentIndex }));
  own.route('/', adminPageRoutes());
  own.notFound(notFoundHandler);
  own.onError(createErrorHandler(deps.log));

  app.all('*', (c) => {
    if (isAdminPath(c.req.path)) return own.fetch(c.req.raw, c.env);
    return deps.currentApp().fetch(c.req.raw, c.env);
  });
  return app;
}

function isAdminPath(path: string): boolean {
  return path === '/admin' || path === '/admin.js' || path === '/api/documents' || path.startsWith('/api/documents/') || path === '/api/index' || path.startsWith('/api/index/');
}
