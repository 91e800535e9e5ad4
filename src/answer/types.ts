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
  /** Text direction of the excerpt, so it is laid out as a block of its own, never inline with the other direction. */
  dir: 'ltr' | 'rtl';
  /** Spans (within the paragraph, inside `quotes`) of the words that carry the answer, from word alignment; `[]` when none. */
  highlights?: QuoteSpan[];
}

/** A key term of the question beside the words of a quote that the encoder aligned to it. */
export interface GlossTerm {
  /** Words of the question, as asked. */
  question: string;
  /** The aligned words of the quote, verbatim from the cited paragraph. */
  source: string;
  /** Id of the citation the source words stand in. */
  citation: number;
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
  /** First line, in the asker's language: what was found and where, e.g. "Found in paragraph 4 of “title” (Arabic):". Filled by presentAnswer, not by answerers. */
  lead?: string;
  /** Key terms of the question beside the quote's words aligned to them; `[]` when the model gives no alignment. */
  gloss?: GlossTerm[];
  warnings: string[];
}

/** Events of a streamed answer: `delta` pieces as they come, then one `result` with the final answer. */
export type AnswerEvent = { type: 'delta'; text: string } | { type: 'result'; result: AnswerResult };

export interface Answerer {
  answer(input: AnswerInput, signal?: AbortSignal): Promise<AnswerResult>;
  stream(input: AnswerInput, signal?: AbortSignal): AsyncIterable<AnswerEvent>;
}
