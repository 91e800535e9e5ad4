/** Per-tensor asymmetric uint8 quantization, the scheme ONNX `DequantizeLinear` expects. */

export interface QuantizedTensor {
  values: Uint8Array;
  /** Stored as float32 in the model, so rounded to float32 here too. */
  scale: number;
  zeroPoint: number;
}

/**
 * Maps floats to 0..255 so that `(q - zeroPoint) * scale` approximates each value; the range always includes 0.
 * @example quantizeUint8(new Float32Array([-1, 0, 1])).values // Uint8Array [0, 128, 255]
 */
export function quantizeUint8(values: Float32Array): QuantizedTensor {
  let min = 0;
  let max = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const scale = Math.fround((max - min) / 255 || 1);
  const zeroPoint = Math.min(255, Math.max(0, Math.round(-min / scale)));
  const quantized = new Uint8Array(values.length);
  values.forEach((v, i) => {
    quantized[i] = Math.min(255, Math.max(0, Math.round(v / scale) + zeroPoint));
  });
  return { values: quantized, scale, zeroPoint };
}
