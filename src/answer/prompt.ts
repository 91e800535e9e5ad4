/** The prompt of the generative answerer: numbered passages, the question, and the rules for citing them. */
import type { DetectedLanguage } from '../corpus/types.js';
import type { SearchHit } from '../retrieval/types.js';
import type { AnswerInput } from './types.js';

/** Language names as the prompt and warnings give them. */
export const LANGUAGE_NAMES: Record<DetectedLanguage, string> = {
  ar: 'Arabic',
  it: 'Italian',
  kk: 'Kazakh',
  en: 'English',
  other: 'the language of the question',
};

/**
 * The messages of the prompt, as `ChatPromptTemplate.fromMessages` takes them (built where the model is: LangChain's
 * prompt module adds ~37 MB to a server that has no LLM). Variables: `language` (a language name), `passages`
 * (see formatPassages), `question`.
 */
export const answerPromptMessages: Array<['system' | 'human', string]> = [
  [
    'system',
    [
      'You answer questions about a collection of documents using only the numbered passages below.',
      'Rules:',
      '- Write the whole answer in {language}, whatever the language of the passages: the passages may be in Arabic, Italian, Kazakh or English.',
      '- When you use a passage in another language, give its meaning in {language}; do not copy its sentences into your answer: the original is shown beside your answer.',
      '- Kazakh is written in Cyrillic script.',
      '- Support every statement with the number of the passage it comes from, in square brackets, e.g. [1] or [2][3].',
      '- Cite only numbers from the list below. Use nothing except these passages: no outside knowledge.',
      '- If the passages do not answer the question, say so in one sentence in {language}, without citations.',
      '- Be concise: a few sentences at most.',
      '',
      'Passages:',
      '{passages}',
    ].join('\n'),
  ],
  ['human', '{question}'],
];

/**
 * Numbers the passages as their citations are numbered: `[1] file ¶paragraph: text`, one per block.
 * @example formatPassages(hits) // '[1] a.txt ¶3: …\n\n[2] b.txt ¶1: …'
 */
export function formatPassages(hits: readonly SearchHit[]): string {
  return hits.map(({ chunk }, i) => `[${i + 1}] ${chunk.file} ¶${chunk.paragraph}: ${chunk.text}`).join('\n\n');
}

/** The values the prompt is filled with for one question. */
export function promptVariables(input: AnswerInput): { language: string; passages: string; question: string } {
  return {
    language: LANGUAGE_NAMES[input.language],
    passages: formatPassages(input.hits),
    question: input.question,
  };
}
