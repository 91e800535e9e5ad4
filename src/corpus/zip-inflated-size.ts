/** Inflating a ZIP package's entries as a stream under a byte budget, before a library inflates them without one. */
import { createInflateRaw } from 'node:zlib';
import { inflateChunks } from './inflate-chunks.js';

/** The inflated total passed the budget. */
export class InflateBudgetError extends Error {
  override name = 'InflateBudgetError';
}

/**
 * Inflates every entry of the archive (stored or deflated) chunk by chunk, handing each chunk to `onChunk`, and
 * stops as soon as the total passes `maxBytes`. Reading the sizes a ZIP declares is not enough: a bomb can declare
 * anything; streaming keeps memory flat whatever the entry inflates to.
 * @throws InflateBudgetError past `maxBytes`; Error when the archive's directory is unreadable.
 * @example await inflateWithin(bytes, 256 << 20, (name, chunk) => { … })
 */
export async function inflateWithin(bytes: Buffer, maxBytes: number, onChunk: (name: string, chunk: Buffer) => void): Promise<number> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) throw new Error('no ZIP central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  const take = (name: string, chunk: Buffer) => {
    total += chunk.length;
    if (total > maxBytes) throw new InflateBudgetError(`more than ${maxBytes} bytes once inflated`);
    onChunk(name, chunk);
  };
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('damaged ZIP central directory');
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (local + 30 > bytes.length) throw new Error('damaged ZIP entry');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressedSize);
    if (method === 0) take(name, data);
    else if (method === 8) await inflateChunks(data, createInflateRaw(), (chunk) => take(name, chunk));
  }
  return total;
}
