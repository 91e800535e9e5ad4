/** Collects an ONNX graph's nodes and initializers while it is written top to bottom. */
import type { onnx } from 'onnx-proto';
import { floatTensor, int64Tensor, int8Tensor, node, uint8Tensor } from './onnx-builders.js';

/** onnxruntime's own operators (MatMulNBits, MatMulIntegerToFloat, Gelu) live in this domain. */
export const MICROSOFT_DOMAIN = 'com.microsoft';

export class GraphBuilder {
  readonly nodes: onnx.INodeProto[] = [];
  readonly initializers: onnx.ITensorProto[] = [];
  /** Whether a node of `com.microsoft` was added: the model must then import that domain. */
  usesMicrosoftDomain = false;
  private readonly shared = new Set<string>();

  add(opType: string, inputs: string[], output: string, attributes: Parameters<typeof node>[3] = {}): string {
    this.nodes.push(node(opType, inputs, [output], attributes));
    return output;
  }
  /** A node of onnxruntime's `com.microsoft` domain. */
  addMicrosoft(opType: string, inputs: string[], output: string, attributes: Parameters<typeof node>[3] = {}): string {
    this.nodes.push({ ...node(opType, inputs, [output], attributes), domain: MICROSOFT_DOMAIN });
    this.usesMicrosoftDomain = true;
    return output;
  }
  float(name: string, dims: number[], values: Float32Array): string {
    this.initializers.push(floatTensor(name, dims, values));
    return name;
  }
  int64(name: string, dims: number[], values: number[]): string {
    this.initializers.push(int64Tensor(name, dims, values));
    return name;
  }
  bytes(name: string, dims: number[], values: Uint8Array): string {
    this.initializers.push(uint8Tensor(name, dims, values));
    return name;
  }
  int8(name: string, dims: number[], values: Int8Array): string {
    this.initializers.push(int8Tensor(name, dims, values));
    return name;
  }
  /** A constant used from several places, added on first use (onnxruntime warns about unused initializers). */
  constant(name: string, make: () => void): string {
    if (!this.shared.has(name)) make();
    this.shared.add(name);
    return name;
  }
}
