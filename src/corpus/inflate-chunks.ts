/** Inflating compressed bytes chunk by chunk, so a budget can stop a bomb before its output is ever held whole. */
import type { Transform } from 'node:stream';

/**
 * Feeds `data` through `inflate` and hands each output chunk to `onChunk`; an error thrown there stops inflating and
 * rejects. A damaged input rejects too, unless `damaged` is 'end', which treats it as the end of the data.
 * @example await inflateChunks(bytes, createInflateRaw(), (chunk) => count(chunk))
 */
export function inflateChunks(data: Buffer, inflate: Transform, onChunk: (chunk: Buffer) => void, damaged: 'reject' | 'end' = 'reject'): Promise<void> {
  return new Promise((resolve, reject) => {
    inflate.on('data', (chunk: Buffer) => {
      try {
        onChunk(chunk);
      } catch (error) {
        inflate.destroy();
        reject(error);
      }
    });
    inflate.on('end', resolve);
    inflate.on('error', (error) => (damaged === 'end' ? resolve() : reject(error)));
    inflate.end(data);
  });
}
