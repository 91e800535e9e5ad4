/** Parsing an HTTP Range header (RFC 9110) for one file: a single byte range, or the whole file. */

/** Inclusive first and last byte to send. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The range to send: `undefined` for the whole file (no header, a unit other than bytes, or several ranges, which
 * a server may answer with the whole file), `'unsatisfiable'` for a range that starts past the end (a 416).
 * @example byteRange('bytes=0-99', 1000) // { start: 0, end: 99 }
 * @example byteRange('bytes=-100', 1000) // { start: 900, end: 999 }
 */
export function byteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [first, last] = [match[1]!, match[2]!];
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return undefined;
  return { start, end };
}
