/** POST /api/feedback: a reader's thumbs up or down on an answer, appended to the feedback file. */
import { Hono } from 'hono';
import { FeedbackWriteError } from '../../feedback/feedback-store.js';
import type { ResolvedDeps } from '../deps.js';
import { apiError } from '../errors.js';
import { readJsonBody } from '../read-json.js';
import { FeedbackRequestSchema } from '../schemas.js';

/** Routes: POST /api/feedback. Answers 201 once the whole record is on disk, 503 when it could not be stored (nothing of it kept). */
export function feedbackRoutes(deps: ResolvedDeps): Hono {
  const app = new Hono();
  app.post('/api/feedback', async (c) => {
    const body = await readJsonBody(c, FeedbackRequestSchema);
    const stored = deps.feedbackStore.append({
      receivedAt: new Date().toISOString(),
      verdict: body.verdict,
      question: body.question,
      answer: body.answer,
      citations: body.citations,
      ...(body.comment && { comment: body.comment }),
      ...(body.requestId && { answerRequestId: body.requestId }),
      ...(body.lang && { language: body.lang }),
    });
    await stored.catch((error: unknown) => {
      if (!(error instanceof FeedbackWriteError)) throw error;
      deps.log({ level: 'error', event: 'feedback_write_failed', requestId: c.get('requestId'), message: error.message });
      c.header('Retry-After', '60');
      throw apiError(503, 'storage_unavailable', 'The feedback could not be stored right now (nothing was kept). Please try again later.');
    });
    return c.json({ status: 'recorded' as const, requestId: c.get('requestId') }, 201);
  });
  return app;
}
