/** Shapes of the API responses the widget reads (mirroring the server's schemas). */
import type { Citation } from '../../answer/types.js';
import type { DetectedLanguage } from '../../corpus/types.js';

export type { Citation };

/** The `done` event, and POST /api/ask's body. */
export interface AskResponse {
  question: string;
  language: DetectedLanguage;
  answer: string;
  citations: Citation[];
  retrieval: { mode: string; model: string | null };
  grounded: boolean;
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
