/** The widget's SSE parser: events come out whole however the body is cut into chunks. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from '../src/widget/client/sse.js';

function parseAll(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e));
  chunks.forEach((c) => parser.push(c));
  parser.end();
  return events;
}

describe('createSseParser', () => {
  it('reads named events with their data, as the server writes them', () => {
    const body = 'event: citations\ndata: [{"id":1}]\n\nevent: delta\ndata: {"text":"Dai documenti:"}\n\nevent: done\ndata: {"answer":"x"}\n\n';
    expect(parseAll([body])).toEqual([
      { event: 'citations', data: '[{"id":1}]' },
      { event: 'delta', data: '{"text":"Dai documenti:"}' },
      { event: 'done', data: '{"answer":"x"}' },
    ]);
  });

  it('joins multi-line data, ignores comments and unknown fields, and names unnamed events "message"', () => {
    expect(parseAll([': keep-alive\n\nid: 7\nretry: 10\ndata: a\ndata:b\n\n'])).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('accepts CRLF and CR line endings, even with CR and LF in different chunks', () => {
    expect(parseAll(['event: delta\r', '\ndata: x\r\n\r', '\nevent: done\rdata: y\r\r'])).toEqual([
      { event: 'delta', data: 'x' },
      { event: 'done', data: 'y' },
    ]);
  });

  it('dispatches a last event that the body ends without a blank line', () => {
    expect(parseAll(['event: done\ndata: {}'])).toEqual([{ event: 'done', data: '{}' }]);
  });

  it('yields the same events for any split of the body into chunks (Arabic and Kazakh text included)', () => {
    const events = [
      { event: 'delta', data: JSON.stringify({ text: 'من الوثائق: عام 2022 [1]' }) },
      { event: 'delta', data: JSON.stringify({ text: 'Құжаттардан: әғқңөұүһі' }) },
      { event: 'done', data: '{"ok":true}' },
    ];
    const body = events.map((e) => `event: ${e.event}\r\ndata: ${e.data}\r\n\r\n`).join('');
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: body.length - 1 }), { maxLength: 12 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), body.length];
        const chunks = points.slice(1).map((end, i) => body.slice(points[i], end));
        expect(parseAll(chunks)).toEqual(events);
      }),
    );
  });
});
