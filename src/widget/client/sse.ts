/** Incremental Server-Sent Events parser for a fetch response body (EventSource cannot POST). */

/** One dispatched event: its name (`message` when unnamed) and its data lines joined by `\n`. */
export interface SseEvent {
  event: string;
  data: string;
}

/** Feed it text as it arrives; it calls `onEvent` for each complete event. */
export interface SseParser {
  push(text: string): void;
  /** The body ended: a last event not followed by a blank line is still dispatched. */
  end(): void;
}

/**
 * Creates a parser following the SSE rules: `field: value` lines, `:` comments, a blank line ends an event;
 * lines may end in `\n`, `\r\n` or `\r`, and chunks may split anywhere (even between `\r` and `\n`).
 * @example const p = createSseParser((e) => console.log(e)); p.push('event: delta\ndata: {}\n\n');
 */
export function createSseParser(onEvent: (event: SseEvent) => void): SseParser {
  let buffer = '';
  let eventName = '';
  let dataLines: string[] = [];

  function dispatch(): void {
    if (dataLines.length > 0) onEvent({ event: eventName || 'message', data: dataLines.join('\n') });
    eventName = '';
    dataLines = [];
  }

  function processLine(line: string): void {
    if (line === '') return dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') dataLines.push(value);
  }

  function drain(final: boolean): void {
    const pattern = /\r\n|\r|\n/g;
    let from = 0;
    for (let match = pattern.exec(buffer); match; match = pattern.exec(buffer)) {
      // A lone `\r` at the very end may be the first half of `\r\n`: wait for the next chunk.
      if (!final && match[0] === '\r' && match.index === buffer.length - 1) break;
      processLine(buffer.slice(from, match.index));
      from = match.index + match[0].length;
    }
    buffer = buffer.slice(from);
  }

  return {
    push(text: string): void {
      buffer += text;
      drain(false);
    },
    end(): void {
      drain(true);
      if (buffer !== '') processLine(buffer);
      buffer = '';
      dispatch();
    },
  };
}
