/** POST /api/feedback: a reader's thumbs up or down on an answer, appended to the feedback file. */
import { Hono } from 'hono';
import type { ResolvedDeps } from '../deps.js';
import { readJsonBody } from '../read-json.js';
import { FeedbackRequestSchema } from '../schemas.js';

/** Routes: POST /api/feedback. Answers 201 once the record is on disk. */
export function feedbackRoutes(deps: ResolvedDeps): Hono {
  const app = new Hono();
  app.post('/api/feedback', async (c) => {
    const body = await readJsonBody(c, FeedbackRequestSchema);
    await deps.feedbackStore.append({
      receivedAt: new Date().toISOString(),
      verdict: body.verdict,
      question: body.question,
      answer: body.answer,
      citations: body.citations,
      ...(body.comment && { comment: body.comment }),
      ...(body.requestId && { answerRequestId: body.requestId }),
      ...(body.lang && { language: body.lang }),
    });
    return c.json({ status: 'recorded' as const, requestId: c.get('requestId') }, 201);
  });
  return app;
}
