/** Splits passage text into quotable sentences, keeping each sentence's offsets; built on the chunker's sentence spans. */
import { sentenceSpans, trimSpan } from '../chunking/sentences.js';
import { boundedTextMemo } from '../index/bounded-memo.js';

/** A sentence of a text: `text === source.slice(start, end)`, with surrounding whitespace left out. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** Footnote marks of the sources ("[1]"): quoted, they would read as our own citation markers. */
const FOOTNOTE_MARK = /\[\s*\d+\s*\]/g;
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Passages split before, remembered: the same passages come back as candidates for many questions. ~1.7 MB when
 * full, the passages' texts included.
 */
const remembered = boundedTextMemo((text) => sentencesOf(text), { maxChars: 500_000, maxLength: 4_096 });

/**
 * The sentences of `text`, in order, trimmed, with offsets into `text`. A sentence holding footnote marks is cut
 * at them into the pieces between (marks left out); pieces without a letter or digit are dropped. The result may be
 * shared with other callers: it must not be changed.
 * @example splitSentences('One. Two?') // [{text:'One.',start:0,end:4},{text:'Two?',start:5,end:9}]
 */
export function splitSentences(text: string): readonly Readonly<Sentence>[] {
  return remembered(text);
}

function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const sentence of sentenceSpans(text)) {
    let pieceStart = sentence.start;
    for (const mark of [...text.slice(sentence.start, sentence.end).matchAll(FOOTNOTE_MARK), undefined]) {
      const pieceEnd = mark ? sentence.start + mark.index : sentence.end;
      const piece = trimSpan(text, { start: pieceStart, end: pieceEnd });
      const pieceText = piece && text.slice(piece.start, piece.end);
      if (piece && pieceText && HAS_WORD.test(pieceText)) sentences.push({ text: pieceText, ...piece });
      if (mark) pieceStart = sentence.start + mark.index + mark[0].length;
    }
  }
  return sentences;
}
