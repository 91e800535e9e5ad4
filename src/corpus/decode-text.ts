/** Decodes a corpus file's bytes as UTF-8 text, or says why the file cannot be read as text. */

/** The decoded text (BOM removed), or the reason the bytes are not usable text. */
export type DecodedText = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Decodes `bytes` as strict UTF-8 (with or without a BOM, which is dropped).
 * Rejects UTF-16, binary content (NUL bytes), invalid UTF-8 and whitespace-only text,
 * each with a reason that says what to do.
 * @example decodeText(new TextEncoder().encode('\uFEFFhello')) // { ok: true, text: 'hello' }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'encoded as UTF-16; re-save it as UTF-8' };
  }
  if (bytes.includes(0)) {
    return { ok: false, reason: 'binary file (contains NUL bytes); only UTF-8 text is indexed' };
  }
  let text: string;
  try {
    // ignoreBOM: false (the default) makes the decoder drop a leading UTF-8 BOM.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8; re-save it as UTF-8' };
  }
  if (!/\S/.test(text)) {
    return { ok: false, reason: 'empty (no non-space text)' };
  }
  return { ok: true, text };
}
