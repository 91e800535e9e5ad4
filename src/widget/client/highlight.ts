/** Splits a paragraph at highlighted spans (quoted sentences), for the widget's source view and the source pages. */

export interface Span {
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * The paragraph as consecutive segments, marked where a span covers it. Spans are clamped to the text; overlapping
 * or touching spans merge; empty ones are dropped. Pure.
 * @example highlightSegments('One. Two.', [{ start: 5, end: 9 }]) // [{text:'One. ',marked:false},{text:'Two.',marked:true}]
 */
export function highlightSegments(text: string, spans: readonly Span[]): Segment[] {
  const merged: Span[] = [];
  const clamped = spans
    .map((s) => ({ start: Math.max(0, Math.min(s.start, text.length)), end: Math.max(0, Math.min(s.end, text.length)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  for (const span of clamped) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const span of merged) {
    if (span.start > at) segments.push({ text: text.slice(at, span.start), marked: false });
    segments.push({ text: text.slice(span.start, span.end), marked: true });
    at = span.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), marked: false });
  return segments;
}

/**
 * The query value naming a paragraph's quoted spans on a source page: `3:120-245,300-390`.
 * @example highlightParam(3, [{ start: 0, end: 4 }]) // '3:0-4'
 */
export function highlightParam(paragraph: number, spans: readonly Span[]): string {
  return `${paragraph}:${spans.map((s) => `${s.start}-${s.end}`).join(',')}`;
}

/**
 * Reads `highlightParam`'s format back; anything malformed gives undefined (the page then shows no highlight).
 * @example parseHighlightParam('3:0-4') // { paragraph: 3, spans: [{ start: 0, end: 4 }] }
 */
export function parseHighlightParam(value: string | undefined): { paragraph: number; spans: Span[] } | undefined {
  const match = value?.match(/^(\d{1,6}):(\d{1,7}-\d{1,7}(?:,\d{1,7}-\d{1,7}){0,19})$/);
  if (!match) return undefined;
  const spans = match[2].split(',').map((pair) => {
    const [start, end] = pair.split('-').map(Number);
    return { start, end };
  });
  return { paragraph: Number(match[1]), spans };
}
