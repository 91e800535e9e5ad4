/** Asking from the terminal: through the app in this process over the local index, or over HTTP to a running server. */
import type { Config } from '../config.js';
import type { AskArgs } from './ask-args.js';
import type { AskResponseBody } from './format-answer.js';

function requestBody(args: AskArgs): string {
  return JSON.stringify({ question: args.question, topK: args.topK, ...(args.lang && { lang: args.lang }) });
}

async function readAnswer(response: Response, where: string): Promise<AskResponseBody> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${where} answered HTTP ${response.status} with something that is not JSON.`);
  }
  if (!response.ok) {
    const message = (body as { error?: { message?: string } })?.error?.message;
    throw new Error(`${where} answered HTTP ${response.status}: ${message ?? 'no explanation'}`);
  }
  return body as AskResponseBody;
}

/**
 * Loads (or builds) the index here and asks through the same app the server runs.
 * @example const body = await askLocally({ question: 'Quando?', topK: 5, json: false }, loadConfig());
 */
export async function askLocally(args: AskArgs, config: Config): Promise<AskResponseBody> {
  // Loaded only here: the runtime pulls in the model and index libraries, which --help, usage errors and --endpoint never need.
  const { createRuntime } = await import('../runtime.js');
  const { app } = await createRuntime(config);
  const response = await app.request('/api/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(config.server.apiKey ? { authorization: `Bearer ${config.server.apiKey}` } : {}) },
    body: requestBody(args),
  });
  return readAnswer(response, 'The local index');
}

/**
 * Asks a running server's POST /api/ask; an unreachable server is an error that names it.
 * @example const body = await askServer(args, 'http://127.0.0.1:3000', undefined, signal);
 */
export async function askServer(args: AskArgs, endpoint: string, apiKey: string | undefined, signal: AbortSignal): Promise<AskResponseBody> {
  let response: Response;
  try {
    response = await fetch(`${endpoint}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      body: requestBody(args),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new Error(`Cannot reach ${endpoint}: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}. Is the server running (npm start)?`);
  }
  return readAnswer(response, endpoint);
}
