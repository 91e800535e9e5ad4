/** Talking to the server: the streamed answer (SSE over fetch) and single source paragraphs. */
import type { AskResponse, Citation, SourceParagraphResponse } from './api-types.js';
import type { HistoryTurn } from './history.js';
import { createSseParser } from './sse.js';

/** Why a request failed, in terms the interface can explain. */
export type FailureKind = 'network' | 'timeout' | 'rate_limited' | 'http' | 'cut_off' | 'aborted';

/** A failed request; `serverMessage` is the server's own explanation, when it sent one. */
export class RequestFailure extends Error {
  override name = 'RequestFailure';
  constructor(
    readonly kind: FailureKind,
    readonly serverMessage?: string,
    readonly status?: number,
  ) {
    super(serverMessage ?? kind);
  }
}

export interface StreamHandlers {
  onCitations(citations: Citation[]): void;
  onDelta(text: string): void;
}

export interface RequestOptions {
  endpoint: string;
  /** The user's cancel (closing, new conversation). */
  signal?: AbortSignal;
  /** Fail with `timeout` when the server sends nothing for this long. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * Asks a question and streams the answer: `citations` first, then `delta` pieces, then the `done` response
 * (whose answer is authoritative) is returned.
 * @throws RequestFailure for every kind of failure.
 */
export async function askStream(question: string, handlers: StreamHandlers, options: RequestOptions & { history?: HistoryTurn[] }): Promise<AskResponse> {
  return withIdleTimeout(options, async (signal, touch) => {
    const response = await (options.fetch ?? fetch)(`${options.endpoint}/api/ask/stream`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify(options.history?.length ? { question, history: options.history } : { question }),
      signal,
    });
    if (!response.ok) throw await failureFrom(response);
    if (!response.body) throw new RequestFailure('cut_off');

    let done: AskResponse | undefined;
    let failure: RequestFailure | undefined;
    const parser = createSseParser(({ event, data }) => {
      if (done || failure) return;
      const payload = parseJson(data);
      if (event === 'citations' && Array.isArray(payload)) handlers.onCitations(payload as Citation[]);
      else if (event === 'delta' && typeof (payload as { text?: unknown })?.text === 'string') handlers.onDelta((payload as { text: string }).text);
      else if (event === 'done' && payload && typeof payload === 'object') done = payload as AskResponse;
      else if (event === 'error') failure = new RequestFailure('http', messageOf(payload));
    });

    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      touch();
      parser.push(value);
      if (done || failure) break;
    }
    parser.end();
    reader.cancel().catch(() => undefined);
    if (failure) throw failure;
    if (!done) throw new RequestFailure('cut_off');
    const requestId = response.headers.get('X-Request-Id');
    return requestId ? { ...done, requestId } : done;
  });
}

/** What a reader thinks of an answer, as POST /api/feedback takes it. */
export interface Feedback {
  verdict: 'up' | 'down';
  comment?: string;
  response: AskResponse;
}

/**
 * Sends a verdict on an answer with the question, answer and citations it is about.
 * @throws RequestFailure
 */
export async function sendFeedback(feedback: Feedback, options: RequestOptions): Promise<void> {
  const { response, verdict, comment } = feedback;
  await withIdleTimeout(options, async (signal) => {
    const result = await (options.fetch ?? fetch)(`${options.endpoint}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        verdict,
        question: response.question,
        answer: response.answer,
        citations: response.citations.map(({ id, file, paragraph }) => ({ id, file, paragraph })),
        ...(comment?.trim() && { comment: comment.trim() }),
        ...(response.requestId && { requestId: response.requestId }),
        ...(response.language !== 'other' && { lang: response.language }),
      }),
      signal,
    });
    if (!result.ok) throw await failureFrom(result);
  });
}

/**
 * The operator's starter questions for a language (GET /api/suggestions); none when the server has none or fails.
 */
export async function fetchSuggestions(language: string, options: RequestOptions): Promise<string[]> {
  try {
    return await withIdleTimeout(options, async (signal) => {
      const result = await (options.fetch ?? fetch)(`${options.endpoint}/api/suggestions?lang=${encodeURIComponent(language)}`, { headers: { Accept: 'application/json' }, signal });
      if (!result.ok) return [];
      const body = (await result.json()) as { suggestions?: unknown };
      return Array.isArray(body.suggestions) ? body.suggestions.filter((s): s is string => typeof s === 'string').slice(0, 4) : [];
    });
  } catch {
    return [];
  }
}

/**
 * Fetches one paragraph of a source file with its neighbours.
 * @throws RequestFailure
 */
export async function fetchParagraph(file: string, paragraph: number, options: RequestOptions): Promise<SourceParagraphResponse> {
  return withIdleTimeout(options, async (signal) => {
    const url = `${options.endpoint}/api/sources/${encodeURIComponent(file)}/${paragraph}`;
    const response = await (options.fetch ?? fetch)(url, { headers: { Accept: 'application/json' }, signal });
    if (!response.ok) throw await failureFrom(response);
    return (await response.json()) as SourceParagraphResponse;
  });
}

/** Runs `work` with a signal that aborts when the caller aborts or when nothing arrives for `timeoutMs`. */
async function withIdleTimeout<T>(
  options: RequestOptions,
  work: (signal: AbortSignal, touch: () => void) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
  };
  const onCallerAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onCallerAbort);
  touch();
  try {
    return await work(controller.signal, touch);
  } catch (error) {
    if (timedOut) throw new RequestFailure('timeout');
    if (options.signal?.aborted) throw new RequestFailure('aborted');
    if (error instanceof RequestFailure) throw error;
    // fetch rejects with a TypeError when the server is unreachable (refused, DNS, CORS, dropped connection).
    throw new RequestFailure('network');
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}

async function failureFrom(response: Response): Promise<RequestFailure> {
  const body = parseJson(await response.text().catch(() => ''));
  const message = messageOf((body as { error?: unknown })?.error);
  if (response.status === 429) return new RequestFailure('rate_limited', message, 429);
  if (response.status === 504 || response.status === 408) return new RequestFailure('timeout', message, response.status);
  return new RequestFailure('http', message, response.status);
}

function messageOf(value: unknown): string | undefined {
  const message = (value as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message ? message : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
