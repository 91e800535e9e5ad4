/** POST /api/ask/stream: the answer as Server-Sent Events — citations first, then text deltas, then the whole response. */
import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { buildCitations } from '../../answer/citations.js';
import type { AnswerResult } from '../../answer/types.js';
import { askResponse, retrieve } from '../ask-flow.js';
import type { ResolvedDeps } from '../deps.js';
import { readJsonBody } from '../read-json.js';
import { requestSignal } from '../request-signal.js';
import { AskRequestSchema } from '../schemas.js';

/**
 * Routes: POST /api/ask/stream. Validation and retrieval happen before the stream opens, so their
 * failures are ordinary JSON errors; a failure while answering becomes an `error` event.
 */
export function askStreamRoutes(deps: ResolvedDeps): Hono {
  const app = new Hono();
  app.post('/api/ask/stream', async (c) => {
    const signal = requestSignal(c, deps.config.server.requestTimeoutMs);
    const request = await readJsonBody(c, AskRequestSchema);
    const retrieved = await retrieve(deps, request);
    const requestId = c.get('requestId');
    c.header('X-Accel-Buffering', 'no'); // keep reverse proxies from holding the events back

    return streamSSE(c, async (stream) => {
      const aborter = new AbortController();
      stream.onAbort(() => aborter.abort());
      const stop = AbortSignal.any([signal, aborter.signal]);
      try {
        await send(stream, 'citations', buildCitations(retrieved.hits));
        const answerStarted = performance.now();
        let result: AnswerResult | undefined;
        for await (const event of deps.answerer.stream(
          { question: retrieved.question, language: retrieved.language, hits: retrieved.hits },
          stop,
        )) {
          if (event.type === 'delta') await send(stream, 'delta', { text: event.text });
          else result = event.result;
        }
        if (!result) throw new Error('The answerer finished its stream without a result.');
        await send(stream, 'done', askResponse(deps, retrieved, result, performance.now() - answerStarted));
      } catch (err) {
        if (aborter.signal.aborted) return; // the client left: nobody to tell
        const timedOut = stop.aborted;
        if (!timedOut) {
          deps.log({ level: 'error', msg: 'stream failed', requestId, error: String(err), stack: (err as Error)?.stack });
        }
        await send(stream, 'error', {
          code: timedOut ? 'timeout' : 'internal_error',
          message: timedOut
            ? 'The answer took too long and was stopped. Try again, or ask a shorter question.'
            : `The answer failed. Quote request id ${requestId} when reporting it.`,
        });
      }
    });
  });
  return app;
}

function send(stream: SSEStreamingApi, event: string, data: unknown): Promise<void> {
  return stream.writeSSE({ event, data: JSON.stringify(data) });
}
