/** Shapes of the API responses the widget reads (mirroring the server's schemas). */
import type { Citation, GlossTerm } from '../../answer/types.js';
import type { DetectedLanguage } from '../../corpus/types.js';

export type { Citation, GlossTerm };

/** The `done` event, and POST /api/ask's body. */
export interface AskResponse {
  question: string;
  language: DetectedLanguage;
  /** The answer's first line, in the asker's language (absent in answers saved before it existed). */
  lead?: string;
  answer: string;
  citations: Citation[];
  /** Key terms of the question beside the quote's aligned words; absent or empty when there is no alignment. */
  gloss?: GlossTerm[];
  retrieval: { mode: string; model: string | null };
  grounded: boolean;
  /** answered / possible / none (absent in answers saved before it existed: `grounded` tells). */
  support?: 'answered' | 'possible' | 'none';
  warnings: string[];
  timingsMs: Record<string, number>;
  /** The response's X-Request-Id, kept so feedback can name the answer it is about. */
  requestId?: string;
}

export interface SourceParagraph {
  paragraph: number;
  /** PDF files only. */
  page?: number;
  text: string;
  language: DetectedLanguage;
}

/** GET /api/sources/{file}/{paragraph}. */
export interface SourceParagraphResponse extends SourceParagraph {
  file: string;
  previous?: SourceParagraph;
  next?: SourceParagraph;
}
