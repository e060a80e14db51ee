/** USD per million tokens (input, output). Unknown models are priced like gpt-4o, to stay on the safe side. */
const PRICES: Record<string, [number, number]> = {
  'gpt-4o-mini': [0.15, 0.6],
  'gpt-4o': [2.5, 10],
  'gpt-4.1-mini': [0.4, 1.6],
  'gpt-4.1-nano': [0.1, 0.4],
  'gpt-4.1': [2, 8],
};

export function estimateCostUsd(model: string, tokensIn: number, tokensOut: number): number {
  const key = Object.keys(PRICES)
    .sort((a, b) => b.length - a.length)
    .find((name) => model === name || model.startsWith(`${name}-`));
  const [input, output] = PRICES[key ?? 'gpt-4o']!;
  return Math.round(((tokensIn * input + tokensOut * output) / 1_000_000) * 1e6) / 1e6;
}
