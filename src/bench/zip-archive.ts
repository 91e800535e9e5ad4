/** Writing a ZIP archive (deflated entries, no ZIP64) from chunked entry data, for generated DOCX fixtures. */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(chunks: Iterable<Buffer>): { crc: number; size: number } {
  let crc = 0xffffffff;
  let size = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i += 1) crc = CRC_TABLE[(crc ^ chunk[i]!) & 0xff]! ^ (crc >>> 8);
    size += chunk.length;
  }
  return { crc: (crc ^ 0xffffffff) >>> 0, size };
}

export interface ZipEntry {
  name: string;
  /** The entry's content in chunks; iterated twice (checksum, then compression), so an array or a re-iterable. */
  data: Iterable<Buffer>;
}

/**
 * The archive's bytes. `deflateRaw` compresses one entry's chunks.
 * @example await zipArchive([{ name: 'a.txt', data: [Buffer.from('hi')] }], deflate)
 */
export async function zipArchive(entries: ZipEntry[], deflateRaw: (chunks: Iterable<Buffer>) => Promise<Buffer>): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const chunks = [...entry.data];
    const { crc, size } = crc32(chunks);
    const compressed = await deflateRaw(chunks);
    const name = Buffer.from(entry.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(0x21, 12); // 1980-01-01
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(compressed.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(8, 10);
    record.writeUInt16LE(0x21, 14);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(compressed.length, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    locals.push(header, name, compressed);
    central.push(record, name);
    offset += header.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
