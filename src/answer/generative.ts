/** The generative answerer: an OpenAI-compatible chat model answers from the numbered passages, citing them as [n]. */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config } from '../config.js';
import { buildCitations } from './citations.js';
import { checkCitationMarkers } from './citation-markers.js';
import { LANGUAGE_NAMES, answerPromptMessages, promptVariables } from './prompt.js';
import { replyLanguageMismatch } from './reply-language.js';
import { withQuotesBeside } from './quotes-beside.js';
import { verbatimSentences, withQuotes } from './quote-spans.js';
import type { AnswerEvent, AnswerInput, AnswerResult, Answerer } from './types.js';

export type LlmConfig = NonNullable<Config['llm']>;

export interface GenerativeDeps {
  /** Answers instead whenever the model fails, times out, or cites no passage (normally the extractive answerer). */
  fallback: Answerer;
  /** Defaults to a ChatOpenAI for `llmConfig`. */
  chatModel?: BaseChatModel;
  /** Receives each model failure with its details; the client only sees a generic warning. */
  onError?: (error: unknown) => void;
}

/**
 * A ChatOpenAI for any OpenAI-compatible server (`baseUrl` ends in `/v1`), its client loaded only then (importing
 * it adds ~64 MB to a server that has no LLM).
 * No retries: the extractive fallback answers at once instead. No client timeout either: the answerer's own
 * deadline (`timeoutMs`, an abort signal) covers the whole call, streamed or not, and is reported as a timeout.
 */
export async function createChatModel(llm: LlmConfig): Promise<BaseChatModel> {
  const { ChatOpenAI } = await import('@langchain/openai');
  return new ChatOpenAI({
    model: llm.model,
    // Local servers often need no key, but the OpenAI client refuses to start without one.
    apiKey: llm.apiKey ?? 'no-key',
    configuration: { baseURL: llm.baseUrl },
    maxRetries: 0,
  });
}

/**
 * Creates an answerer that asks the language model, and falls back (adding a warning) when it cannot be used.
 * In `stream()`, deltas are the model's tokens as they arrive; the final `result` is authoritative and may differ from
 * their concatenation: invalid `[n]` markers are removed, and on fallback it holds the fallback's answer instead.
 * @example const answerer = createGenerativeAnswerer(config.llm, { fallback: createExtractiveAnswerer() });
 */
export function createGenerativeAnswerer(llmConfig: LlmConfig, deps: GenerativeDeps): Answerer {
  const chainOnce = Promise.all([import('@langchain/core/prompts'), deps.chatModel ?? createChatModel(llmConfig)]).then(([{ ChatPromptTemplate }, chatModel]) =>
    ChatPromptTemplate.fromMessages(answerPromptMessages).pipe(chatModel),
  );
  chainOnce.catch(() => {}); // a client that fails to load fails each answer, which then falls back
  const { fallback, onError } = deps;

  async function fallBack(input: AnswerInput, warning: string, signal?: AbortSignal): Promise<AnswerResult> {
    const result = await fallback.answer(input, signal);
    return { ...result, warnings: [warning, ...result.warnings] };
  }

  /** Turns the model's text into the result, or falls back when it is in another language or cites nothing valid. */
  async function finish(input: AnswerInput, generated: string, signal?: AbortSignal): Promise<AnswerResult> {
    const wrongLanguage = replyLanguageMismatch(generated, input.language);
    if (wrongLanguage) {
      const answered = wrongLanguage === 'other' ? 'in another language' : `in ${LANGUAGE_NAMES[wrongLanguage]}`;
      return fallBack(input, `The language model answered ${answered} instead of ${LANGUAGE_NAMES[input.language]}, so an extractive answer is shown instead.`, signal);
    }
    const checked = checkCitationMarkers(generated, input.hits.length);
    if (checked.cited.length === 0) {
      return fallBack(input, "The language model's answer cited none of the passages, so an extractive answer is shown instead.", signal);
    }
    const warnings =
      checked.removed.length > 0
        ? [`Removed citation markers that name no passage (${checked.removed.map((n) => `[${n}]`).join(', ')}); only ${input.hits.length} passages were given.`]
        : [];
    const citations = buildCitations(input.hits);
    const result: AnswerResult = { answer: checked.text, citations: withQuotes(citations, verbatimSentences(checked.text, citations)), grounded: true, support: 'answered', warnings };
    const foreign = result.citations.some((c) => c.language !== input.language && checked.cited.includes(c.id));
    return foreign ? withQuotesBeside(result, await fallback.answer(input, signal), input.language) : result;
  }

  /** The warning for a failed call, or rethrows when the caller itself cancelled. */
  function failureWarning(error: unknown, deadline: Deadline, signal?: AbortSignal): string {
    if (signal?.aborted) throw signal.reason;
    onError?.(error);
    if (deadline.expired()) {
      return `The language model did not answer within ${llmConfig.timeoutMs} ms, so an extractive answer is shown instead.`;
    }
    const status = (error as { status?: unknown } | null)?.status;
    const detail = typeof status === 'number' ? ` (HTTP ${status})` : '';
    return `The language model request failed${detail}, so an extractive answer is shown instead.`;
  }

  return {
    async answer(input, signal) {
      signal?.throwIfAborted();
      if (input.hits.length === 0) return fallback.answer(input, signal);
      const deadline = startDeadline(llmConfig.timeoutMs, signal);
      let generated: string;
      try {
        generated = (await (await chainOnce).invoke(promptVariables(input), { signal: deadline.signal })).text;
      } catch (error) {
        return fallBack(input, failureWarning(error, deadline, signal), signal);
      }
      return finish(input, generated, signal);
    },

    async *stream(input, signal): AsyncIterable<AnswerEvent> {
      signal?.throwIfAborted();
      if (input.hits.length === 0) {
        yield* fallback.stream(input, signal);
        return;
      }
      const deadline = startDeadline(llmConfig.timeoutMs, signal);
      let generated = '';
      try {
        for await (const chunk of await (await chainOnce).stream(promptVariables(input), { signal: deadline.signal })) {
          const text = chunk.text;
          if (!text) continue;
          generated += text;
          yield { type: 'delta', text };
        }
      } catch (error) {
        yield { type: 'result', result: await fallBack(input, failureWarning(error, deadline, signal), signal) };
        return;
      }
      yield { type: 'result', result: await finish(input, generated, signal) };
    },
  };
}

interface Deadline {
  /** Aborts when the caller's signal does or when the time is up. */
  signal: AbortSignal;
  expired(): boolean;
}

function startDeadline(timeoutMs: number, callerSignal?: AbortSignal): Deadline {
  const timeout = AbortSignal.timeout(timeoutMs);
  return {
    signal: callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout,
    expired: () => timeout.aborted,
  };
}
