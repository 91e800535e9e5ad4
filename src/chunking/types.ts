import type { DetectedLanguage } from '../corpus/types.js';

/** A retrievable piece of exactly one paragraph. */
export interface Chunk {
  /** Stable id: `${file}#${paragraph}:${start}`. */
  id: string;
  file: string;
  paragraph: number;
  /** 1-based PDF page the paragraph stands on; absent for other formats. */
  page?: number;
  /** Character offsets (UTF-16 code units) within the paragraph text. */
  start: number;
  end: number;
  language: DetectedLanguage;
  /** Exactly `paragraphText.slice(start, end)`: what a citation shows. */
  text: string;
  /** What gets embedded: the text, possibly with document context (e.g. a heading's title). */
  embedText: string;
}

export interface ChunkingOptions {
  /** Upper bound on a chunk's length in characters (a single longer sentence is cut at word boundaries). */
  maxChars: number;
  /** Characters of trailing sentences carried into the next window. */
  overlapChars: number;
  /** Paragraphs shorter than this get the document's first line as embedding context. */
  shortParagraphChars: number;
}
