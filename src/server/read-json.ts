/** Reading and validating a JSON request body, with a distinct error for each way it can be wrong. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { apiError } from './errors.js';
import { describeIssues } from './schemas.js';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/**
 * Parses the body as JSON and validates it: 415 for another content type, 400 for broken JSON or a bad field.
 * @example const body = await readJsonBody(c, AskRequestSchema);
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0].trim();
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    throw apiError(415, 'unsupported_media_type', `Send the body as JSON with "Content-Type: application/json" (got "${mediaType.slice(0, 100) || 'none'}").`);
  }
  let data: unknown;
  try {
    data = JSON.parse(await c.req.text());
  } catch {
    throw apiError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  return validate(schema, data);
}

/** Validates already-parsed data (a body or a query), throwing a 400 that names the bad fields. */
export function validate<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw apiError(400, 'invalid_request', `${describeIssues(parsed.error)}.`);
  return parsed.data;
}
