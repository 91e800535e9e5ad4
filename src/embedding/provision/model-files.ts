/** The one list of files a model folder needs: what the hub download fetches and what "complete" means. */

/** A file of a model folder, relative to it. */
export interface ModelFile {
  name: string;
  /** Absent on the hub for some models (e.g. the project's own `embedding-profile.json`): skipped when the hub has no such file. */
  optional?: boolean;
}

/** The ONNX file the loader opens for these settings. Add new weight formats here (and in `onnxFileName`'s callers). */
export function onnxFileName(quantized: boolean): string {
  return quantized ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx';
}

/**
 * Files fetched for a hub model, in download order (small ones first, so a wrong model id fails before the large file).
 * @example modelFiles(true).map((f) => f.name) // ['config.json', 'tokenizer_config.json', 'tokenizer.json', 'embedding-profile.json', 'onnx/model_quantized.onnx']
 */
export function modelFiles(quantized: boolean): ModelFile[] {
  return [
    { name: 'config.json' },
    { name: 'tokenizer_config.json' },
    { name: 'tokenizer.json' },
    { name: 'embedding-profile.json', optional: true },
    { name: onnxFileName(quantized) },
  ];
}

/** The record a completed download leaves in the folder: every file's size and sha256, checked at each start. */
export const DOWNLOAD_RECORD_FILE = 'download.json';

export interface DownloadRecord {
  model: string;
  hubUrl: string;
  revision: string;
  files: { name: string; bytes: number; sha256: string }[];
}
