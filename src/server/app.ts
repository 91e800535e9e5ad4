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
import { clientConcurrency } from './middleware/client-concurrency.js';
import { rateLimit } from './middleware/rate-limit.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { askStreamRoutes } from './routes/ask-stream.js';
import { askRoutes } from './routes/ask.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { methodNotAllowedRoutes } from './routes/method-not-allowed.js';
import { openApiRoutes } from './routes/openapi.js';
import { originalsRoutes } from './routes/originals.js';
import { searchRoutes } from './routes/search.js';
import { sourcesRoutes } from './routes/sources.js';
import { suggestionsRoutes } from './routes/suggestions.js';

/** Routes that reveal corpus content: rate limited, and behind API_KEY when one is set. `/` is the demo page. */
const CORPUS_ROUTES = ['/api/*', '/sources/*', '/originals/*', '/'];

/** Routes that retrieve (embed the question): their cost per client is capped by QUESTIONS_PER_CLIENT. */
const QUESTION_ROUTES = ['/api/ask', '/api/ask/stream', '/api/search'];

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
    feedbackStore: appDeps.feedbackStore ?? createFeedbackStore(appDeps.config.feedbackDir, { maxBytes: appDeps.config.feedbackMaxBytes }),
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
  // Rate limit before the key check, so guessing keys is limited too. Pages that render the corpus count too.
  if (server.rateLimitPerMinute > 0) {
    const limiter = rateLimit({ perMinute: server.rateLimitPerMinute, trustProxy: server.trustProxy });
    for (const route of CORPUS_ROUTES) app.use(route, limiter);
  }
  // With a key, nothing that reveals the corpus (API, demo page with its file list, source pages) is public.
  if (server.apiKey) {
    const auth = apiKeyAuth({ apiKey: server.apiKey });
    for (const route of CORPUS_ROUTES) app.use(route, auth);
  }
  // After the key check, so only a client that may ask counts; before the timeout, so a timed-out request frees its place.
  const { perClient, inFlight } = deps.config.questions;
  if (perClient > 0 || inFlight > 0) {
    const limit = clientConcurrency({ perClient, inFlight, trustProxy: server.trustProxy });
    for (const route of QUESTION_ROUTES) app.use(route, limit);
  }
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
      onError: (c) => {
        // The rest of the body is never read: say so, so the client reads the 413 and opens a new connection.
        c.header('Connection', 'close');
        throw apiError(413, 'payload_too_large', `The request body is over ${MAX_BODY_BYTES / 1024} KB. Send a shorter question.`);
      },
    }),
  );

  for (const routes of [askRoutes, askStreamRoutes, searchRoutes, sourcesRoutes, originalsRoutes, feedbackRoutes, suggestionsRoutes, healthRoutes, openApiRoutes]) {
    app.route('/', routes(deps));
  }
  app.route('/', methodNotAllowedRoutes());
  if (deps.extraRoutes) app.route('/', deps.extraRoutes);

  app.notFound(notFoundHandler);
  app.onError(createErrorHandler(deps.log));
  return app;
}
