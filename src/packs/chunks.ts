/**
 * Splitting a pack's items into files that an import limit allows: at most `maxItems` items and `maxBytes` bytes
 * (UTF-8) per file. Shared by the ARM templates (Azure: 800 resources, 4 MB) and the Kibana NDJSON (10,000 rules).
 */
import { SigmaError } from '../errors.js';

export interface ChunkLimits {
  readonly maxItems: number;
  readonly maxBytes: number;
  /** Bytes every file spends besides its items (the template's wrapper). */
  readonly overhead?: number;
}

/** UTF-8 length of a text. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Items (each with its size in bytes) in order, grouped greedily into as few consecutive groups as the limits
 * allow. An item that alone exceeds `maxBytes` is an internal error (callers check item limits first).
 */
export function chunkBySize<T>(items: readonly T[], size: (item: T) => number, limits: ChunkLimits): readonly (readonly T[])[] {
  const overhead = limits.overhead ?? 0;
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = overhead;
  for (const item of items) {
    const n = size(item);
    if (overhead + n > limits.maxBytes)
      throw new SigmaError('internal', `one item of ${n} bytes exceeds the file limit of ${limits.maxBytes}`);
    if (current.length > 0 && (current.length >= limits.maxItems || bytes + n > limits.maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = overhead;
    }
    current.push(item);
    bytes += n;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** `base.ext` for one file, `base-1.ext` … `base-N.ext` (zero-padded to the same width) for several. */
export function numberedNames(base: string, ext: string, count: number): readonly string[] {
  if (count <= 1) return [`${base}.${ext}`];
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => `${base}-${String(i + 1).padStart(width, '0')}.${ext}`);
}
