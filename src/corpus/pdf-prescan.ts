/**
 * A look at a PDF's raw objects before pdf.js reads it, for the two things pdf.js does without a bound: it inflates
 * a FlateDecode stream whole (a deflate bomb grows to gigabytes), and it expands form XObjects into a page's operator
 * list before the operators can be counted (forms that draw each other twice double at every level). Streams are
 * inflated chunk by chunk and discarded; forms are followed through the XObject names their own dictionaries map.
 * What cannot be seen this way (a form inside a compressed object stream, resources behind a reference) is still
 * stopped by the reader process's time and memory budgets.
 */
import { createInflate } from 'node:zlib';
import { inflateChunks } from './inflate-chunks.js';
import { ReaderLimitError, type ReaderLimits } from './reader-limits.js';

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
/** How far before `stream` an object's header and dictionary are looked for. */
const DICTIONARY_WINDOW = 16 * 1024;
/** Form content kept to find its `Do` operators; a longer content stream is read for its size only. */
const FORM_CONTENT_BYTES = 1 << 20;

interface FormObject {
  /** XObject name → object number, from the form's own /Resources dictionary. */
  names: Map<string, number>;
  /** The names its content draws with `Do`, once per call. */
  draws: string[];
}

/**
 * Throws when the PDF's compressed streams inflate past READER_MAX_DECOMPRESSED_BYTES, when its forms nest deeper
 * than READER_MAX_FORM_DEPTH, or when they draw each other more often than READER_MAX_OPERATORS_PER_PAGE allows.
 * @throws ReaderLimitError naming the setting.
 * @example await prescanPdf(bytes, DEFAULT_READER_LIMITS)
 */
export async function prescanPdf(bytes: Buffer, limits: ReaderLimits): Promise<void> {
  let inflated = 0;
  const forms = new Map<number, FormObject>();
  for (let at = bytes.indexOf(STREAM); at >= 0; at = bytes.indexOf(STREAM, at + STREAM.length)) {
    if (bytes.subarray(at - 3, at).toString('latin1') === 'end') continue;
    const header = bytes.subarray(Math.max(0, at - DICTIONARY_WINDOW), at).toString('latin1');
    const objAt = header.lastIndexOf('obj');
    const number = objAt < 0 || header.slice(objAt - 3, objAt) === 'end' ? undefined : /(\d+)\s+\d+\s+$/.exec(header.slice(Math.max(0, objAt - 40), objAt))?.[1];
    if (number === undefined) continue;
    const dictionary = header.slice(objAt + 3);
    const start = at + STREAM.length + (bytes[at + STREAM.length] === 0x0d ? 2 : 1);
    const end = bytes.indexOf(END_STREAM, start);
    if (end < 0) break;
    const data = bytes.subarray(start, end);
    const isForm = /\/Subtype\s*\/Form\b/.test(dictionary);
    let content = isForm && !/\/Filter\b/.test(dictionary) ? data.subarray(0, FORM_CONTENT_BYTES) : undefined;
    if (/\/Filter\s*(\[\s*)?\/FlateDecode\b/.test(dictionary)) {
      const kept: Buffer[] = [];
      let keptBytes = 0;
      // Damaged data ends the stream quietly: pdf.js decides what to make of it.
      await inflateChunks(data, createInflate(), (chunk) => {
        inflated += chunk.length;
        if (inflated > limits.decompressedBytes) {
          throw new ReaderLimitError('decompressedBytes', 'bytes of PDF streams once inflated', limits.decompressedBytes);
        }
        if (isForm && keptBytes < FORM_CONTENT_BYTES) {
          kept.push(chunk);
          keptBytes += chunk.length;
        }
      }, 'end');
      if (isForm) content = Buffer.concat(kept).subarray(0, FORM_CONTENT_BYTES);
    }
    if (isForm && content) forms.set(Number(number), { names: xobjectNames(dictionary), draws: drawnNames(content.toString('latin1')) });
    at = end;
  }
  checkFormExpansion(forms, limits);
}

/** `/XObject << /Name 12 0 R … >>` of a dictionary. */
function xobjectNames(dictionary: string): Map<string, number> {
  const names = new Map<string, number>();
  const xobjects = /\/XObject\s*<<([^>]*)>>/.exec(dictionary)?.[1] ?? '';
  for (const [, name, number] of xobjects.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+\d+\s+R/g)) names.set(name!, Number(number));
  return names;
}

/** Every `/Name Do` of a content stream, in order. */
function drawnNames(content: string): string[] {
  return [...content.matchAll(/\/([^\s/<>[\]()]+)\s+Do\b/g)].map((m) => m[1]!);
}

/** How many form calls drawing each form once takes, through the forms it draws; nesting past the limit throws. */
function checkFormExpansion(forms: ReadonlyMap<number, FormObject>, limits: ReaderLimits): void {
  const calls = new Map<number, number>();
  const callsOf = (number: number, depth: number): number => {
    if (depth > limits.formDepth) throw new ReaderLimitError('formDepth', 'form XObjects nested deeper', limits.formDepth);
    const known = calls.get(number);
    if (known !== undefined) return known;
    const form = forms.get(number)!;
    let total = 0;
    for (const name of form.draws) {
      const target = form.names.get(name);
      if (target !== undefined && forms.has(target)) total += 1 + callsOf(target, depth + 1);
      if (total > limits.operatorsPerPage) break;
    }
    calls.set(number, total);
    return total;
  };
  for (const number of forms.keys()) {
    const total = callsOf(number, 1);
    if (total > limits.operatorsPerPage) {
      throw new ReaderLimitError('operatorsPerPage', `form XObjects drawing each other ${total}+ times`, limits.operatorsPerPage);
    }
  }
}
