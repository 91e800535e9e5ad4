/**
 * Reads a `tokenizer.json` whose Unigram vocabulary is an array of `[piece, score]` pairs without building those
 * pairs: the 250,002 entries of multilingual-e5-small are scanned from the bytes into a piece list and a
 * Float64Array, and only the rest of the file goes through JSON.parse. Parsing it whole held ~100 MB more at load,
 * much of which the process keeps as resident memory afterwards.
 */
import type { UnigramVocab } from './unigram-model.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const COMMA = 0x2c;
const KEY = Buffer.from('"vocab":');

const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/**
 * The parsed file with `model.vocab` emptied, and the vocabulary; undefined when the vocabulary is not an array of
 * pairs where this expects it (the caller then parses the file whole).
 * @example const read = readUnigramVocab(await readFile('tokenizer.json')); read?.vocab.pieces.length;
 */
export function readUnigramVocab(bytes: Buffer): { json: Record<string, unknown>; vocab: UnigramVocab } | undefined {
  const key = bytes.indexOf(KEY);
  if (key < 0) return undefined;
  let at = key + KEY.length;
  const skipSpace = () => {
    while (at < bytes.length && isSpace(bytes[at]!)) at++;
  };
  const expect = (byte: number) => {
    skipSpace();
    if (bytes[at] !== byte) return false;
    at++;
    return true;
  };
  if (!expect(OPEN)) return undefined;
  const begin = at - 1;
  const pieces: string[] = [];
  let scores: Float64Array = new Float64Array(1 << 16);
  for (skipSpace(); bytes[at] !== CLOSE; ) {
    if (pieces.length > 0 && !expect(COMMA)) return undefined;
    if (!expect(OPEN) || !expect(QUOTE)) return undefined;
    const from = at;
    let escaped = false;
    while (at < bytes.length && bytes[at] !== QUOTE) {
      if (bytes[at] === BACKSLASH) (escaped = true), at++;
      at++;
    }
    if (at >= bytes.length) return undefined;
    pieces.push(escaped ? (JSON.parse(bytes.toString('utf8', from - 1, at + 1)) as string) : bytes.toString('utf8', from, at));
    at++;
    if (!expect(COMMA)) return undefined;
    skipSpace();
    const numberFrom = at;
    while (at < bytes.length && !isSpace(bytes[at]!) && bytes[at] !== CLOSE) at++;
    const score = Number(bytes.toString('latin1', numberFrom, at));
    if (!Number.isFinite(score) || at === numberFrom || !expect(CLOSE)) return undefined;
    if (pieces.length > scores.length) scores = grow(scores);
    scores[pieces.length - 1] = score;
    skipSpace();
  }
  const end = at + 1;
  const rest = Buffer.concat([bytes.subarray(0, begin), Buffer.from('[]'), bytes.subarray(end)]);
  const json = JSON.parse(rest.toString('utf8')) as Record<string, unknown>;
  // The key found must be the model's: its vocab is now the empty array put in its place.
  const model = json.model as { vocab?: unknown } | undefined;
  if (!Array.isArray(model?.vocab) || model.vocab.length !== 0) return undefined;
  return { json, vocab: { pieces, scores: scores.slice(0, pieces.length) } };
}

function grow(scores: Float64Array): Float64Array {
  const larger = new Float64Array(scores.length * 2);
  larger.set(scores);
  return larger;
}
