import { describe, expect, it } from 'vitest';
import { estimateCostUsd } from './cost.js';

describe('cost estimate', () => {
  it.each([
    ['gpt-4o-mini', 1_000_000, 1_000_000, 0.75],
    ['gpt-4o-mini-2024-07-18', 1000, 500, 0.00045],
    ['gpt-4o', 1000, 1000, 0.0125],
    ['some-local-model', 1000, 1000, 0.0125], // unknown: priced like gpt-4o, on the safe side
  ])('%s: %i in, %i out → $%d', (model, tokensIn, tokensOut, usd) => {
    expect(estimateCostUsd(model, tokensIn, tokensOut)).toBeCloseTo(usd, 6);
  });
});
