/** The HTTP app: middleware, API routes, the widget mount point, JSON 404 and error handling. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { timeout } from 'hono/timeout';
import { createFeedbackStore } from '../feedback/feedback-store.js';
import type { AppDeps, ResolvedDeps } from './deps.js';
import { apiError, createErrorHandler, notFoundHandler } from './errors.js';
import { jsonLineLog } from './log.js';
import { apiKeyAuth } from './middleware/api-key.js';
import { rateLimit } from './middleware/rate-limit.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { askStreamRoutes } from './routes/ask-stream.js';
import { askRoutes } from './routes/ask.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { openApiRoutes } from './routes/openapi.js';
import { searchRoutes } from './routes/search.js';
import { sourcesRoutes } from './routes/sources.js';
import { suggestionsRoutes } from './routes/suggestions.js';

/** Largest accepted request body. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Builds the app. Nothing listens here: serve it with `startServer`, or drive it with `app.request()`.
 * @example const app = createApp({ config, index, searcher, answerer, detectLanguage });
 */
export function createApp(appDeps: AppDeps): Hono {
  const deps: ResolvedDeps = {
    ...appDeps,
    log: appDeps.log ?? jsonLineLog,
    feedbackStore: appDeps.feedbackStore ?? createFeedbackStore(appDeps.config.feedbackDir),
  };
  const { server } = deps.config;
  const app = new Hono();

  app.use(requestId());
  if (server.logRequests) app.use(requestLog({ log: deps.log }));
  app.use(securityHeaders());
  app.use(
    cors({
      origin: server.corsOrigins.includes('*') ? '*' : server.corsOrigins,
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Authorization', 'X-Request-Id'],
      exposeHeaders: ['X-Request-Id', 'Retry-After', 'RateLimit-Policy', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
      maxAge: 600,
    }),
  );
  // Rate limit before the key check, so guessing keys is limited too.
  if (server.rateLimitPerMinute > 0) app.use('/api/*', rateLimit({ perMinute: server.rateLimitPerMinute }));
  if (server.apiKey) app.use('/api/*', apiKeyAuth({ apiKey: server.apiKey }));
  app.use(
    '/api/*',
    timeout(server.requestTimeoutMs, () =>
      apiError(504, 'timeout', `The request took longer than ${server.requestTimeoutMs} ms and was stopped. Try again later.`),
    ),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw apiError(413, 'payload_too_large', `The request body is over ${MAX_BODY_BYTES / 1024} KB. Send a shorter question.`);
      },
    }),
  );

  for (const routes of [askRoutes, askStreamRoutes, searchRoutes, sourcesRoutes, feedbackRoutes, suggestionsRoutes, healthRoutes, openApiRoutes]) {
    app.route('/', routes(deps));
  }
  if (deps.extraRoutes) app.route('/', deps.extraRoutes);

  app.notFound(notFoundHandler);
  app.onError(createErrorHandler(deps.log));
  return app;
}
