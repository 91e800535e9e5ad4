/** The earlier turns sent with a question, so the server can read a follow-up ("and in 2019?") in context. */
import type { StoredTurn } from './conversation-store.js';

/** Turns sent: the last few are what a follow-up refers to (the server accepts at most 6). */
export const HISTORY_TURNS = 3;
/** Characters of each earlier answer sent (the server accepts up to 2000). */
export const HISTORY_ANSWER_CHARS = 600;

export interface HistoryTurn {
  question: string;
  answer?: string;
}

/**
 * The last HISTORY_TURNS turns, oldest first, answers cut short and stripped of citation markers.
 * @example historyForRequest(turns) // [{ question: 'Who is Mamay?', answer: 'A journalist…' }]
 */
export function historyForRequest(turns: readonly StoredTurn[]): HistoryTurn[] {
  return turns.slice(-HISTORY_TURNS).map(({ question, response }) => {
    const answer = response.answer.replace(/\[\d+\]/g, '').replace(/\s+/g, ' ').trim().slice(0, HISTORY_ANSWER_CHARS);
    return answer ? { question: question.slice(0, 2000), answer } : { question: question.slice(0, 2000) };
  });
}
