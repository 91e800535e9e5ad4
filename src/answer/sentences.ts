/** Splits passage text into sentences (Intl.Segmenter), keeping each sentence's offsets. */
import type { DetectedLanguage } from '../corpus/types.js';

/** A sentence of a text: `text === source.slice(start, end)`, with surrounding whitespace left out. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

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
 * The non-blank sentences of `text`, in order, trimmed, with offsets into `text`.
 * @example splitSentences('One. Two?', 'en') // [{text:'One.',start:0,end:4},{text:'Two?',start:5,end:9}]
 */
export function splitSentences(text: string, language: DetectedLanguage): Sentence[] {
  const sentences: Sentence[] = [];
  for (const { segment, index } of segmenterFor(language).segment(text)) {
    const leading = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (!trimmed) continue;
    const start = index + leading;
    sentences.push({ text: trimmed, start, end: start + trimmed.length });
  }
  return sentences;
}
