/**
 * A plain-loop BERT forward pass over the weights of a tiny E5S1 model (test/helpers/tiny-e5s1.ts): the reference
 * the converted ONNX graph is checked against. Mean pooling and L2 normalisation as transformers.js does them.
 */
import type { TinyModel } from './tiny-e5s1.js';

/** erf by Abramowitz–Stegun 7.1.26 (absolute error below 1.5e-7), enough for a 1e-4 comparison. */
function erf(x: number): number {
  const sign = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return sign * y;
}

type Rows = number[][];

function layerNorm(x: number[], gamma: Float32Array, beta: Float32Array, eps: number): number[] {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length;
  return x.map((v, i) => ((v - mean) / Math.sqrt(variance + eps)) * gamma[i]! + beta[i]!);
}

/** `x · Wᵀ + b` for a row-major `[out, in]` weight. */
function linear(x: number[], w: Float32Array, b: Float32Array): number[] {
  return Array.from(b, (bias, o) => x.reduce((s, v, i) => s + v * w[o * x.length + i]!, bias));
}

/** The unit-length mean-pooled embedding of one token-id sequence. */
export function referenceEmbedding(model: TinyModel, ids: number[]): number[] {
  const d = model.dims;
  const H = d.hidden;
  const t = (name: string) => model.tensors.get(name)!.values;
  const row = (table: Float32Array, r: number) => Array.from(table.subarray(r * H, (r + 1) * H));
  let x: Rows = ids.map((id, p) => {
    const word = row(t('emb.word'), id);
    const pos = row(t('emb.pos'), p);
    const type = row(t('emb.type'), 0);
    return layerNorm(word.map((v, i) => v + pos[i]! + type[i]!), t('emb.ln.w'), t('emb.ln.b'), d.eps);
  });
  const headSize = H / d.heads;
  for (let l = 0; l < d.layers; l++) {
    const q = x.map((r) => linear(r, t(`l${l}.q.w`), t(`l${l}.q.b`)));
    const k = x.map((r) => linear(r, t(`l${l}.k.w`), t(`l${l}.k.b`)));
    const v = x.map((r) => linear(r, t(`l${l}.v.w`), t(`l${l}.v.b`)));
    const context: Rows = x.map(() => new Array<number>(H).fill(0));
    for (let h = 0; h < d.heads; h++) {
      const slice = (r: number[]) => r.slice(h * headSize, (h + 1) * headSize);
      for (let i = 0; i < x.length; i++) {
        const scores = k.map((kr) => slice(q[i]!).reduce((s, qv, e) => s + qv * slice(kr)[e]!, 0) / Math.sqrt(headSize));
        const max = Math.max(...scores);
        const exps = scores.map((s) => Math.exp(s - max));
        const total = exps.reduce((s, e) => s + e, 0);
        exps.forEach((e, j) => slice(v[j]!).forEach((vv, c) => (context[i]![h * headSize + c]! += (e / total) * vv)));
      }
    }
    const attended = context.map((r, i) => layerNorm(linear(r, t(`l${l}.ao.w`), t(`l${l}.ao.b`)).map((a, c) => a + x[i]![c]!), t(`l${l}.aln.w`), t(`l${l}.aln.b`), d.eps));
    x = attended.map((r) => {
      const up = linear(r, t(`l${l}.fi.w`), t(`l${l}.fi.b`)).map((u) => 0.5 * u * (1 + erf(u / Math.SQRT2)));
      return layerNorm(linear(up, t(`l${l}.fo.w`), t(`l${l}.fo.b`)).map((o, c) => o + r[c]!), t(`l${l}.oln.w`), t(`l${l}.oln.b`), d.eps);
    });
  }
  const mean = Array.from({ length: H }, (_, c) => x.reduce((s, r) => s + r[c]!, 0) / x.length);
  const norm = Math.hypot(...mean);
  return mean.map((m) => m / norm);
}
