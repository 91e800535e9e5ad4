/** pgvector's text form, `[0.1,0.2,…]`, both ways: exact for float32 (the shortest repr round-trips). */

export function toVectorText(vector: Float32Array | readonly number[]): string {
  return `[${Array.from(vector).join(',')}]`;
}

export function fromVectorText(text: string): Float32Array {
  return Float32Array.from(JSON.parse(text) as number[]);
}
