/**
 * How passage vectors are stored (migration 20261201135100): float4 components, big-endian (the bytes
 * Postgres's float4send() writes), and a two-bit code a component for the Hamming pre-filter.
 */

/** A vector as float4 bytes, big-endian. */
export function vectorBytes(vector: readonly number[]): Buffer {
  const out = Buffer.alloc(vector.length * 4);
  vector.forEach((x, i) => out.writeFloatBE(x, i * 4));
  return out;
}

/** The float4 bytes back as numbers (null for a length that is not a whole number of components). */
export function bytesVector(bytes: Uint8Array): Float32Array | null {
  if (bytes.length % 4 !== 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, false);
  return out;
}

/**
 * The Hamming code of a vector, two bits a component (a thermometer code of its ternary quantisation):
 * `11` above +t, `00` below -t, `01` between, with t = 0.8/√dimensions. The Hamming distance of two
 * codes is then the L1 distance of the quantised vectors; on unit vectors it orders passages close to
 * the cosine, and keeps more than sign bits alone for sparse vectors. Text form of a `bit varying`.
 */
export function vectorCode(vector: ArrayLike<number>): string {
  const t = CODE_THRESHOLD / Math.sqrt(vector.length || 1);
  return Array.from(vector, (x) => (x > t ? '11' : x < -t ? '00' : '01')).join('');
}
export const CODE_THRESHOLD = 0.8;

/** Dot product (the cosine of two unit vectors); null when the lengths differ. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  if (a.length !== b.length) return null;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
