/**
 * Small files that make naive document readers hang or run out of memory, generated (never downloaded) so the
 * reader limits can be tested and measured: nested PDF forms drawn twice, a PDF page of many lines or text
 * operators, DOCX and PDF deflate bombs, a DOCX of millions of empty paragraphs, HTML of unclosed tags.
 */
import { createDeflate, createDeflateRaw, deflateSync } from 'node:zlib';
import { zipArchive } from './zip-archive.js';

/** How big each hostile document is; the defaults are the sizes of the attack pass in issue 19. */
export interface HostileSizes {
  formDepth: number;
  lines: number;
  textOperators: number;
  docxParagraphs: number;
  bombBytes: number;
  unclosedTags: number;
}

export const ISSUE_SIZES: HostileSizes = {
  formDepth: 40,
  lines: 200_000,
  textOperators: 3_000_000,
  docxParagraphs: 7_000_000,
  bombBytes: 1 << 30,
  unclosedTags: 1_000_000,
};

/** One generated file: its name (the extension picks the reader) and what makes it hostile. */
export interface HostileDocument {
  file: string;
  what: string;
  bytes: Buffer;
}

/**
 * Every hostile document at the given sizes.
 * @example const docs = await hostileDocuments({ ...ISSUE_SIZES, lines: 20_000 });
 */
export async function hostileDocuments(sizes: HostileSizes = ISSUE_SIZES): Promise<HostileDocument[]> {
  return [
    { file: 'nested-forms.pdf', what: `form XObjects nested ${sizes.formDepth} deep, each drawn twice`, bytes: nestedFormsPdf(sizes.formDepth) },
    { file: 'many-lines.pdf', what: `${sizes.lines} lines on one page`, bytes: textPagePdf(repeat('(a) Tj 0 -2 Td\n', sizes.lines)) },
    { file: 'many-text-operators.pdf', what: `${sizes.textOperators} text-show operators`, bytes: textPagePdf(repeat('(a) Tj\n', sizes.textOperators)) },
    { file: 'many-paragraphs.docx', what: `${sizes.docxParagraphs} empty paragraphs`, bytes: await docx(repeatStream('<w:p><w:r><w:t>a</w:t></w:r></w:p>', sizes.docxParagraphs)) },
    { file: 'deflate-bomb.docx', what: `${sizes.bombBytes} bytes of spaces deflated`, bytes: await docx(repeatStream(' ', sizes.bombBytes)) },
    { file: 'deflate-bomb.pdf', what: `a ${sizes.bombBytes}-byte content stream deflated`, bytes: await bombPdf(sizes.bombBytes) },
    { file: 'unclosed-tags.html', what: `${sizes.unclosedTags} unclosed <b> tags`, bytes: Buffer.from(`<html><body><p>${'<b>x'.repeat(sizes.unclosedTags)}</p></body></html>`) },
  ];
}

function repeat(unit: string, times: number): Buffer {
  return Buffer.from(unit.repeat(times), 'latin1');
}

/** `unit` repeated `times`, as chunks of at most ~8 MB (a bomb is never held whole). */
function* repeatStream(unit: string, times: number): Generator<Buffer> {
  const perChunk = Math.max(1, Math.floor((8 << 20) / unit.length));
  for (let done = 0; done < times; done += perChunk) yield Buffer.from(unit.repeat(Math.min(perChunk, times - done)), 'latin1');
}

async function deflateChunks(chunks: Iterable<Buffer>, raw: boolean): Promise<Buffer> {
  const stream = raw ? createDeflateRaw({ level: 9 }) : createDeflate({ level: 9 });
  const out: Buffer[] = [];
  stream.on('data', (data: Buffer) => out.push(data));
  const ended = new Promise((resolve, reject) => stream.on('end', resolve).on('error', reject));
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
  }
  stream.end();
  await ended;
  return Buffer.concat(out);
}

/** A PDF from object bodies (object i + 1 is `objects[i]`; object 1 the catalog), with a correct xref table. */
function pdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n')]);
    parts.push(part);
    length += part.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

function stream(dictionary: string, data: Buffer, filter = true): Buffer {
  const body = filter ? deflateSync(data) : data;
  return Buffer.concat([Buffer.from(`<< ${dictionary} ${filter ? '/Filter /FlateDecode ' : ''}/Length ${body.length} >>\nstream\n`), body, Buffer.from('\nendstream')]);
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** One page drawing `operators` inside a text object, with Helvetica as /F1. */
function textPagePdf(operators: Buffer): Buffer {
  const content = Buffer.concat([Buffer.from('BT /F1 10 Tf 72 720 Td\n'), operators, Buffer.from('ET\n')]);
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream('', content),
    FONT,
  ]);
}

/** Form i draws form i + 1 twice; the deepest form shows one word: 2^depth words once expanded. */
function nestedFormsPdf(depth: number): Buffer {
  const first = 5; // objects 1–4: catalog, pages, page, font
  const forms = Array.from({ length: depth }, (_, i) => {
    const last = i === depth - 1;
    const content = last ? 'BT /F1 10 Tf 72 720 Td (deep) Tj ET' : '/X Do /X Do';
    const resources = last ? '/Font << /F1 4 0 R >>' : `/XObject << /X ${first + i + 1} 0 R >>`;
    return stream(`/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << ${resources} >>`, Buffer.from(content), false);
  });
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X ${first} 0 R >> >> /Contents ${first + depth} 0 R >>`,
    FONT,
    ...forms,
    stream('', Buffer.from('/X Do /X Do'), false),
  ]);
}

/** A page whose content stream inflates to `bytes` bytes of spaces before one line of text. */
async function bombPdf(bytes: number): Promise<Buffer> {
  const data = await deflateChunks([...repeatStream(' ', bytes), Buffer.from('BT /F1 10 Tf 72 720 Td (bomb) Tj ET\n')], false);
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    Buffer.concat([Buffer.from(`<< /Filter /FlateDecode /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]),
    FONT,
  ]);
}

/** A minimal Word package whose word/document.xml body is `body`. */
async function docx(body: Iterable<Buffer>): Promise<Buffer> {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const xml = [Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>`), ...body, Buffer.from('</w:body></w:document>')];
  return zipArchive([
    { name: '[Content_Types].xml', data: [Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')] },
    { name: '_rels/.rels', data: [Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')] },
    { name: 'word/document.xml', data: xml },
  ], (chunks) => deflateChunks(chunks, true));
}
