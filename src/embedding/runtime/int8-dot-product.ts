/**
 * Whether this CPU multiplies int8 exactly in onnxruntime's integer matmul. x86 without VNNI runs it with
 * `vpmaddubsw`, whose 16-bit pair sums can saturate (onnxruntime's quantization guide: use reduced range there), so
 * the `int8` format is only chosen by itself on x86 with AVX-512 VNNI or AVX-VNNI, and on 64-bit ARM (dot-product
 * instructions with 32-bit sums).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The `flags` line of /proc/cpuinfo, or '' where there is none (not Linux, or unreadable). */
function linuxCpuFlags(): string {
  try {
    return /^flags\s*:(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '';
  } catch {
    return '';
  }
}

/** @example hasExactInt8DotProduct('x64', ' fpu avx2 avx512_vnni') // true */
export function hasExactInt8DotProduct(arch: string = os.arch(), flags: () => string = linuxCpuFlags): boolean {
  if (arch === 'arm64') return true;
  if (arch !== 'x64') return false;
  return /\b(avx512_vnni|avx_vnni)\b/.test(flags());
}
