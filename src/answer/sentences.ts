/** Splits passage text into quotable sentences (Intl.Segmenter), keeping each sentence's offsets. */
import type { DetectedLanguage } from '../corpus/types.js';

/** A sentence of a text: `text === source.slice(start, end)`, with surrounding whitespace left out. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** Footnote marks of the sources ("[1]"): quoted, they would read as our own citation markers. */
const FOOTNOTE_MARK = /\[\s*\d+\s*\]/g;
const HAS_WORD = /[\p{L}\p{N}]/u;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: DetectedLanguage): Intl.Segmenter {
  const locale = language === 'other' ? 'en' : language;
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/**
 * The sentences of `text`, in order, trimmed, with offsets into `text`. A sentence holding footnote marks is cut
 * at them into the pieces between (marks left out); pieces without a letter or digit are dropped.
 * @example splitSentences('One. Two?', 'en') // [{text:'One.',start:0,end:4},{text:'Two?',start:5,end:9}]
 */
export function splitSentences(text: string, language: DetectedLanguage): Sentence[] {
  const sentences: Sentence[] = [];
  for (const { segment, index } of segmenterFor(language).segment(text)) {
    let pieceStart = 0;
    for (const mark of [...segment.matchAll(FOOTNOTE_MARK), undefined]) {
      const pieceEnd = mark ? mark.index : segment.length;
      const piece = trimmed(segment.slice(pieceStart, pieceEnd), index + pieceStart);
      if (piece && HAS_WORD.test(piece.text)) sentences.push(piece);
      if (mark) pieceStart = mark.index + mark[0].length;
    }
  }
  return sentences;
}

function trimmed(piece: string, offset: number): Sentence | undefined {
  const text = piece.trim();
  if (!text) return undefined;
  const start = offset + piece.length - piece.trimStart().length;
  return { text, start, end: start + text.length };
}
