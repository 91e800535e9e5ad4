import type { DetectedLanguage } from '../corpus/types.js';
import type { SearchHit } from '../retrieval/types.js';
import type { Support } from './grounding.js';

/** A span of a paragraph, `[start, end)` in UTF-16 offsets like a citation's. */
export interface QuoteSpan {
  start: number;
  end: number;
}

/** One cited excerpt. `text` stands verbatim at `[start, end)` of paragraph `paragraph` of `file`. */
export interface Citation {
  id: number;
  file: string;
  /** Title of the file's document (HTML `<title>`, Markdown front matter or heading, else its first paragraph). */
  title: string;
  paragraph: number;
  /** PDF page of the paragraph; absent for other formats. */
  page?: number;
  text: string;
  start: number;
  end: number;
  language: DetectedLanguage;
  score: number;
  /** Spans (within the paragraph) of the sentences the answer quoted from this excerpt; `[]` when it quoted none. */
  quotes: QuoteSpan[];
}

export interface AnswerInput {
  question: string;
  /** Detected (or requested) language of the question: framing words follow it. */
  language: DetectedLanguage;
  /** Retrieved passages, best first; citation ids are their 1-based positions. */
  hits: SearchHit[];
}

export interface AnswerResult {
  /** Answer text; every `[n]` names a citation id. */
  answer: string;
  citations: Citation[];
  grounded: boolean;
  /** `answered` (grounded), `possible` (a passage shares the question's names or numbers, unconfirmed) or `none`. */
  support: Support;
  warnings: string[];
}

/** Events of a streamed answer: `delta` pieces as they come, then one `result` with the final answer. */
export type AnswerEvent = { type: 'delta'; text: string } | { type: 'result'; result: AnswerResult };

export interface Answerer {
  answer(input: AnswerInput, signal?: AbortSignal): Promise<AnswerResult>;
  stream(input: AnswerInput, signal?: AbortSignal): AsyncIterable<AnswerEvent>;
}
