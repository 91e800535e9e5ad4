/** The pure parts of a forward pass: batches by token count, padded inputs, mean pooling; and which file EMBEDDING_DTYPE loads. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchesByLength, meanPooled, padBatch } from '../src/embedding/runtime/batching.js';
import { chooseDtype } from '../src/embedding/runtime/embedding-dtype.js';

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
  it('takes the asked format, else q4, else model_quantized (never int8 unasked); fp32 when quantized is off; none when nothing fits', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dtype-'));
    try {
      await mkdir(path.join(dir, 'onnx'));
      expect(await chooseDtype(dir, 'auto', true)).toBeUndefined();
      await writeFile(path.join(dir, 'onnx/model_quantized.onnx'), '');
      await writeFile(path.join(dir, 'onnx/model.onnx'), '');
      expect(await chooseDtype(dir, 'auto', true)).toBe('quantized');
      expect(await chooseDtype(dir, 'auto', false)).toBe('fp32');
      await writeFile(path.join(dir, 'onnx/model_int8.onnx'), '');
      expect(await chooseDtype(dir, 'auto', true)).toBe('quantized');
      await writeFile(path.join(dir, 'onnx/model_q4.onnx'), '');
      expect(await chooseDtype(dir, 'auto', true)).toBe('q4');
      expect(await chooseDtype(dir, 'int8', true)).toBe('int8');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
