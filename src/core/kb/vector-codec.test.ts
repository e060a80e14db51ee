import { describe, expect, it } from 'vitest';
import { bytesVector, dot, vectorBytes, vectorCode } from './vector-codec.js';

describe('vector storage', () => {
  it('Given a vector, Then its float4 bytes are big-endian (as float4send writes them) and read back', () => {
    const bytes = vectorBytes([1, -0.5, 0]);
    expect(bytes.toString('hex')).toBe('3f800000bf00000000000000');
    expect(Array.from(bytesVector(bytes)!)).toEqual([1, -0.5, 0]);
    expect(bytesVector(new Uint8Array(5))).toBeNull();
  });

  it('Given a vector, Then its code has two bits a component, and the Hamming distance of codes is the L1 distance of the ternary vectors', () => {
    // t = 0.8 / √4 = 0.4
    expect(vectorCode([0.9, -0.9, 0.1, -0.41])).toBe('11000100');
    const hamming = (a: string, b: string) => [...a].filter((c, i) => c !== b[i]).length;
    expect(hamming(vectorCode([0.9, 0, 0, 0]), vectorCode([-0.9, 0, 0, 0]))).toBe(2);
    expect(hamming(vectorCode([0.9, 0, 0, 0]), vectorCode([0, 0, 0, 0]))).toBe(1);
  });

  it('Given two vectors, Then dot is their dot product, or null for different lengths', () => {
    expect(dot([1, 2, 3], Float32Array.from([4, 5, 6]))).toBe(32);
    expect(dot([1], [1, 2])).toBeNull();
  });
});
