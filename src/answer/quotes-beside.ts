/**
 * A language model's answer in the asker's language keeps the verbatim original beside it: for each cited passage in
 * another language that the answer did not quote itself, the sentences the extractive answerer quotes from it are
 * added as spans and as lines of their own (`sentence [n]`) after the model's text.
 */
import type { DetectedLanguage } from '../corpus/types.js';
import type { AnswerResult } from './types.js';

const MARKER = /\[(\d+)\]/g;

/**
 * `generated` with the originals of its foreign cited passages beside it, taken from `extractive` (an answer over the
 * same hits, so citation ids agree). Pure.
 * @example withQuotesBeside(llmResult, await extractive.answer(input), 'en').answer // 'It ranks 158th [1].\nاحتلت … [1]'
 */
export function withQuotesBeside(generated: AnswerResult, extractive: AnswerResult, asker: DetectedLanguage): AnswerResult {
  const cited = [...new Set([...generated.answer.matchAll(MARKER)].map((m) => Number(m[1])))];
  const lines: string[] = [];
  const citations = generated.citations.map((citation) => {
    if (!cited.includes(citation.id) || citation.quotes.length > 0 || citation.language === asker) return citation;
    const quotes = extractive.citations.find((c) => c.id === citation.id && c.file === citation.file && c.start === citation.start)?.quotes ?? [];
    for (const q of quotes) lines.push(`${citation.text.slice(q.start - citation.start, q.end - citation.start)} [${citation.id}]`);
    return quotes.length > 0 ? { ...citation, quotes } : citation;
  });
  if (lines.length === 0) return generated;
  return { ...generated, answer: [generated.answer, ...lines].join('\n'), citations };
}
