/** A transformers.js progress event while model files are read or downloaded. */
export interface ModelProgress {
  /** `initiate`, `download`, `progress` (with `progress`/`loaded`/`total`), `done`, `ready`. */
  status: string;
  /** Model id or folder. */
  name?: string;
  /** File within the model, e.g. `onnx/model_quantized.onnx`. */
  file?: string;
  /** Percent, 0–100, in `progress` events. */
  progress?: number;
  loaded?: number;
  total?: number;
}
