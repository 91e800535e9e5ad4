/** With an LLM: a follow-up question rewritten into one that stands alone, for retrieval. */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Turn } from '../retrieval/follow-up.js';

/** Longest rewritten question accepted; a longer reply is an answer, not a question. */
const MAX_REWRITE_CHARS = 500;

/** Rewrites `question` given the earlier turns; rejects when the model fails, times out or replies with no question. */
export type QuestionRewriter = (question: string, history: readonly Turn[], signal?: AbortSignal) => Promise<string>;

const INSTRUCTIONS =
  'You rewrite the last question of a conversation so that it can be understood without the conversation: ' +
  'replace pronouns and omissions with what they refer to. Keep the language of the last question. ' +
  'Reply with the rewritten question only, no quotes, no explanation. If it already stands alone, repeat it unchanged.';

/**
 * Creates the rewriter over a chat model, bounded by `timeoutMs`.
 * @example const rewrite = createQuestionRewriter(createChatModel(config.llm), 5000); await rewrite('And in 2019?', history)
 */
export function createQuestionRewriter(chatModel: BaseChatModel | Promise<BaseChatModel>, timeoutMs: number): QuestionRewriter {
  const model = Promise.resolve(chatModel);
  model.catch(() => {}); // a client that fails to load fails each rewrite, and the question is searched as asked
  return async function rewriteQuestion(question, history, signal) {
    const conversation = history
      .map((turn) => `User: ${turn.question}${turn.answer ? `\nAssistant: ${turn.answer.slice(0, 600)}` : ''}`)
      .join('\n');
    const deadline = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])]);
    const reply = await (await model).invoke(
      [
        ['system', INSTRUCTIONS],
        ['human', `${conversation}\n\nLast question: ${question}`],
      ],
      { signal: deadline },
    );
    const text = (typeof reply.content === 'string' ? reply.content : reply.content.map((part) => ('text' in part ? part.text : '')).join('')).trim().replace(/^["«“]|["»”]$/g, '');
    if (!text || text.length > MAX_REWRITE_CHARS || text.includes('\n')) throw new Error('The model did not reply with one rewritten question.');
    return text;
  };
}
