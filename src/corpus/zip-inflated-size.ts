/** Inflating a ZIP package's entries under a byte budget, before a library inflates them without one. */
import { inflateRawSync } from 'node:zlib';

/**
 * Inflates every entry of the archive (stored or deflated), stopping as soon as the total passes `maxBytes`, and
 * returns the total and the contents of the entries `keep` asks for. Reading the sizes a ZIP declares is not
 * enough: a bomb can declare anything.
 * @throws RangeError when the total passes `maxBytes`; Error when the archive's directory is unreadable.
 * @example inflateWithin(bytes, 256 << 20, (name) => name === 'word/document.xml')
 */
export function inflateWithin(bytes: Buffer, maxBytes: number, keep: (name: string) => boolean): { total: number; kept: Map<string, Buffer> } {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) throw new Error('no ZIP central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  const kept = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('damaged ZIP central directory');
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + skip;
    if (local + 30 > bytes.length) throw new Error('damaged ZIP entry');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressedSize);
    const budget = maxBytes - total;
    let content: Buffer;
    if (method === 0) {
      if (data.length > budget) throw new RangeError('over budget');
      content = data;
    } else if (method === 8) {
      // maxOutputLength makes zlib stop (RangeError) instead of allocating the whole bomb.
      content = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
    } else {
      continue;
    }
    total += content.length;
    if (keep(name)) kept.set(name, content);
  }
  return { total, kept };
}
