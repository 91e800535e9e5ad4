/** JSON error bodies for request failures, and the one handler that turns any thrown error into one. */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type {} from 'hono/request-id'; // types c.get('requestId')
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { EmbeddingBusyError } from '../embedding/runtime/embedding-pool.js';

/** Body of every error response: `{ error: { code, message } }`. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** Codes a client can branch on; the message is for people. */
export type ErrorCode =
  | 'invalid_json'
  | 'invalid_request'
  | 'invalid_path'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unauthorized'
  | 'not_found'
  | 'method_not_allowed'
  | 'rate_limited'
  | 'timeout'
  | 'internal_error'
  | 'invalid_name'
  | 'invalid_content'
  | 'build_running'
  | 'overloaded'
  | 'changed'
  | 'range_not_satisfiable'
  | 'too_many_downloads'
  | 'too_many_questions'
  | 'storage_unavailable'
  | 'busy';

/** An HTTPException whose response will be `{ error: { code, message } }`. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(status, { message });
  }
}

/**
 * Shorthand for a request failure.
 * @example throw apiError(400, 'invalid_request', 'question: must not be empty.');
 */
export function apiError(status: ContentfulStatusCode, code: ErrorCode, message: string): ApiError {
  return new ApiError(status, code, message);
}

/** Builds an error body. */
export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** The code used for an HTTPException that did not come from `apiError` (e.g. Hono's own 413 or 504). */
function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  if (status === 503 || status === 504) return 'timeout';
  if (status >= 500) return 'internal_error';
  return 'invalid_request';
}

/**
 * The app's one error handler: HTTPExceptions keep their status with a JSON body; anything else
 * becomes a generic 500 (the details go to the log with the request id, never to the client).
 */
export function createErrorHandler(log: (entry: Record<string, unknown>) => void): ErrorHandler {
  return function handleError(err: Error, c: Context) {
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const code = err instanceof ApiError ? err.code : codeForStatus(status);
      const message = err.message || defaultMessage(status);
      return c.json(errorBody(code, message), status);
    }
    if (err instanceof EmbeddingBusyError) {
      // The model's queue is full: a short, expected refusal, so the server stays responsive under a burst.
      log({ level: 'warn', msg: 'embedding queue full', requestId: c.get('requestId'), path: c.req.path });
      c.header('Retry-After', '1');
      return c.json(errorBody('overloaded', 'The server is busy embedding other questions. Try again in a moment.'), 503);
    }
    if (c.req.raw.signal?.aborted && !isAbort(err)) {
      // The client went away (e.g. mid-way through a chunked body): not a server fault, so no stack trace.
      log({ level: 'warn', msg: 'client aborted', requestId: c.get('requestId'), method: c.req.method, path: c.req.path, error: err?.message });
      return c.json(errorBody('invalid_request', 'The client closed the connection before the request was complete.'), 400);
    }
    if (isAbort(err)) {
      // The work was cancelled (time ran out or the client left): expected, so no stack trace.
      log({ level: 'warn', msg: 'request aborted', requestId: c.get('requestId'), path: c.req.path, reason: err.name });
      return c.json(errorBody('timeout', defaultMessage(504)), 504);
    }
    log({
      level: 'error',
      msg: 'unhandled error',
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      stack: err instanceof Error ? err.stack : undefined,
    });
    return c.json(
      errorBody('internal_error', `Internal server error. Quote request id ${c.get('requestId') ?? '(none)'} when reporting it.`),
      500,
    );
  };
}

/** 404 for any route the app does not have. */
export const notFoundHandler: NotFoundHandler = (c) =>
  c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}. See GET /openapi.json for the API.`), 404);

function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');
}

function defaultMessage(status: number): string {
  if (status === 413) return 'Request body too large: the limit is 64 KB.';
  if (status === 504 || status === 503) return 'The request took too long and was stopped. Try again, or ask a shorter question.';
  return 'Request failed.';
}
