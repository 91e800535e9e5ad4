/** The committed tiny model is exactly what the generator makes, and its quantized file really is quantized. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { writeFixtureModel } from '../scripts/fixture-model/write-fixture-model.js';
import { tempDir } from './helpers/temp-dir.js';
import { FIXTURE_MODEL_DIR } from './helpers/temp-project.js';

const { ModelProto, TensorProto } = onnxProto.onnx;

async function generate(): Promise<{ dir: string; files: string[] }> {
  const dir = await tempDir('tiny-model-');
  return { dir, files: await writeFixtureModel(dir) };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe('make-fixture-model', () => {
  it('regenerates the committed test/fixtures/tiny-model byte for byte', async () => {
    const { dir, files } = await generate();
    expect(await listFiles(FIXTURE_MODEL_DIR)).toEqual([...files].sort());
    for (const file of files) {
      const [fresh, committed] = await Promise.all([readFile(path.join(dir, file)), readFile(path.join(FIXTURE_MODEL_DIR, file))]);
      expect(fresh.equals(committed), `${file} differs: run npm run model:fixture and commit the result`).toBe(true);
    }
  });

  it('stays under 2 MB in total', async () => {
    const files = await listFiles(FIXTURE_MODEL_DIR);
    const sizes = await Promise.all(files.map(async (f) => (await readFile(path.join(FIXTURE_MODEL_DIR, f))).length));
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(2 * 1024 * 1024);
  });

  it('stores the quantized model with uint8 weights dequantized in the graph, and the float one without', async () => {
    const load = async (file: string) => ModelProto.decode(await readFile(path.join(FIXTURE_MODEL_DIR, 'onnx', file)));
    const [float, quantized] = await Promise.all([load('model.onnx'), load('model_quantized.onnx')]);
    const ops = (m: typeof float) => m.graph!.node!.map((n) => n.opType);
    const uint8Weights = (m: typeof float) =>
      m.graph!.initializer!.filter((t) => t.dataType === TensorProto.DataType.UINT8 && t.dims!.length === 2).map((t) => t.name);

    expect(uint8Weights(quantized).sort()).toEqual(['dense_weight_quantized', 'word_embeddings_quantized']);
    expect(ops(quantized).filter((op) => op === 'DequantizeLinear')).toHaveLength(2);
    expect(uint8Weights(float)).toEqual([]);
    expect(ops(float)).not.toContain('DequantizeLinear');
    expect(ModelProto.encode(quantized).finish().length).toBeLessThan(ModelProto.encode(float).finish().length * 0.6);
  });

  it('declares the inputs and output transformers.js feeds and reads for a BERT model', async () => {
    const model = ModelProto.decode(await readFile(path.join(FIXTURE_MODEL_DIR, 'onnx', 'model_quantized.onnx')));
    expect(model.graph!.input!.map((i) => i.name)).toEqual(['input_ids', 'attention_mask', 'token_type_ids']);
    expect(model.graph!.output!.map((o) => o.name)).toEqual(['last_hidden_state', 'alignment_hidden_state']);
    const config = JSON.parse(await readFile(path.join(FIXTURE_MODEL_DIR, 'config.json'), 'utf8'));
    expect(config.model_type).toBe('bert');
  });
});
