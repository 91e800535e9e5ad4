/** A model that cannot be opened fails fast with a ModelLoadError that says which model, where we looked, and how to fix it. */
import { cp, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ModelLoadError } from '../src/embedding/model-load-error.js';
import { PROFILE_FILE_NAME } from '../src/embedding/model-profile.js';
import { TransformersEmbeddings } from '../src/embedding/transformers-embeddings.js';
import { tempDir } from './helpers/temp-dir.js';
import { FIXTURE_MODEL_DIR } from './helpers/temp-project.js';

let tmp: string;
beforeAll(async () => {
  tmp = await tempDir('model-load-error-');
});

async function loadError(options: ConstructorParameters<typeof TransformersEmbeddings>[0]): Promise<{ error: ModelLoadError; ms: number }> {
  const started = performance.now();
  const error = await new TransformersEmbeddings(options).load().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelLoadError);
  return { error: error as ModelLoadError, ms: performance.now() - started };
}

describe('ModelLoadError', () => {
  it('for a hub model missing from MODELS_DIR offline: names the model, the folder, that downloads were off, and the fixes', async () => {
    const modelsDir = path.join(tmp, 'models');
    const { error, ms } = await loadError({ model: 'Xenova/multilingual-e5-small', modelsDir, offline: true });
    expect(ms).toBeLessThan(2000);
    expect(error.message).toContain('"Xenova/multilingual-e5-small"');
    expect(error.message).toContain(path.join(modelsDir, 'Xenova/multilingual-e5-small'));
    expect(error.message).toContain(`MODELS_DIR=${modelsDir}`);
    expect(error.message).toContain('downloading was not allowed (OFFLINE=1)');
    expect(error.message).toContain('npm run model:download');
    expect(error.message).toMatch(/copy its models\/ folder/);
    expect(error.message).toContain('set EMBEDDING_MODEL to a local folder');
    expect(error.message).toMatch(/Reason: missing file .*tokenizer\.json|Reason: missing file .*config\.json/);
    expect(error.failure).toMatchObject({ model: 'Xenova/multilingual-e5-small', modelsDir, remoteAllowed: false });
  });

  it('for a folder that does not exist: says so, and that folders are never downloaded', async () => {
    const missing = path.join(tmp, 'no-such-folder');
    const { error, ms } = await loadError({ model: missing, offline: false });
    expect(ms).toBeLessThan(2000);
    expect(error.message).toContain(`local folder ${missing}`);
    expect(error.message).toContain('nothing is downloaded for a folder');
    expect(error.message).toContain('that folder does not exist');
    expect(error.failure.remoteAllowed).toBe(false);
  });

  it('for a folder without the ONNX file: names the missing file', async () => {
    const broken = path.join(tmp, 'no-onnx');
    await cp(FIXTURE_MODEL_DIR, broken, { recursive: true });
    await unlink(path.join(broken, 'onnx', 'model_quantized.onnx'));
    const { error } = await loadError({ model: broken, offline: true });
    expect(error.message).toContain(`missing file ${path.join(broken, 'onnx', 'model_quantized.onnx')}`);
    expect(error.message).toContain('onnx/model_quantized.onnx');
  });

  it('for a folder with an invalid profile declaration: names the file', async () => {
    const badProfile = path.join(tmp, 'bad-profile');
    await cp(FIXTURE_MODEL_DIR, badProfile, { recursive: true });
    await writeFile(path.join(badProfile, PROFILE_FILE_NAME), '{"queryPrefix": 1}');
    const { error } = await loadError({ model: badProfile, offline: true });
    expect(error.message).toContain(path.join(badProfile, PROFILE_FILE_NAME));
  });

  it('lets a failed load be retried once the files are in place', async () => {
    const later = path.join(tmp, 'arrives-later');
    const embeddings = new TransformersEmbeddings({ model: later, offline: true });
    await expect(embeddings.load()).rejects.toBeInstanceOf(ModelLoadError);
    await cp(FIXTURE_MODEL_DIR, later, { recursive: true });
    await embeddings.load();
    expect(embeddings.dimensions).toBe(64);
    await embeddings.dispose();
  });

  it('is thrown by the first embed call of an unloaded embedder too', async () => {
    const embeddings = new TransformersEmbeddings({ model: path.join(tmp, 'never'), offline: true });
    await expect(embeddings.embedQuery('anything')).rejects.toBeInstanceOf(ModelLoadError);
    expect(() => embeddings.dimensions).toThrow(/call load\(\)/);
  });
});
