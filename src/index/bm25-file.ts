/** The on-disk form of a BM25 index: a JSON header (versions, parameters, terms) and the typed arrays, in one buffer. */
import type { Bm25Data } from './bm25-index.js';

const MAGIC = 'BM25';

/** What the loader checks before trusting the arrays; `extra` carries the caller's own versions. */
export interface Bm25FileHeader {
  formatVersion: number;
  extra: Record<string, unknown>;
  params: Bm25Data['params'];
  terms: string[];
  docCount: number;
  postingCount: number;
}

/**
 * Encodes the index: `BM25`, header length (uint32 LE), header JSON padded to 4 bytes, then docLengths,
 * termOffsets, postingDocs and postingTfs.
 */
export function encodeBm25(data: Bm25Data, formatVersion: number, extra: Record<string, unknown>): Buffer {
  const header: Bm25FileHeader = {
    formatVersion,
    extra,
    params: data.params,
    terms: data.terms,
    docCount: data.docLengths.length,
    postingCount: data.postingDocs.length,
  };
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  json = Buffer.concat([json, Buffer.alloc((4 - (json.length % 4)) % 4, 0x20)]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const arrays = [data.docLengths, data.termOffsets, data.postingDocs, data.postingTfs].map((a) =>
    Buffer.from(a.buffer, a.byteOffset, a.byteLength),
  );
  return Buffer.concat([Buffer.from(MAGIC, 'ascii'), length, json, ...arrays]);
}

/** Reads the header only, so the caller can check versions before decoding the rest. */
export function readBm25Header(buffer: Buffer): Bm25FileHeader | null {
  if (buffer.length < 8 || buffer.toString('ascii', 0, 4) !== MAGIC) return null;
  const length = buffer.readUInt32LE(4);
  if (8 + length > buffer.length) return null;
  try {
    return JSON.parse(buffer.toString('utf8', 8, 8 + length)) as Bm25FileHeader;
  } catch {
    return null;
  }
}

/** Decodes a buffer made by `encodeBm25`; throws when it is truncated or malformed. */
export function decodeBm25(buffer: Buffer): Bm25Data {
  const header = readBm25Header(buffer);
  if (!header) throw new Error('not a BM25 index file');
  const start = buffer.byteOffset + 8 + buffer.readUInt32LE(4);
  // Typed arrays can view the file's own memory when it is 4-byte aligned (a whole file read is); copy otherwise.
  const bytes = start % 4 === 0 ? buffer.buffer : new Uint8Array(buffer.subarray(start - buffer.byteOffset)).buffer;
  let offset = start % 4 === 0 ? start : 0;
  const end = start % 4 === 0 ? buffer.byteOffset + buffer.length : bytes.byteLength;
  const take = <T>(make: new (b: ArrayBufferLike, o: number, n: number) => T, count: number): T => {
    if (offset + count * 4 > end) throw new Error('BM25 index file is truncated');
    const array = new make(bytes, offset, count);
    offset += count * 4;
    return array;
  };
  return {
    params: header.params,
    terms: header.terms,
    docLengths: take(Float32Array, header.docCount),
    termOffsets: take(Int32Array, header.terms.length + 1),
    postingDocs: take(Int32Array, header.postingCount),
    postingTfs: take(Float32Array, header.postingCount),
  };
}
