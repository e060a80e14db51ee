import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAi } from '../../../test/support/fake-openai.js';
import { testConfig } from '../../../test/support/db.js';
import { FakeClock } from '../clock.js';
import type { Deps } from '../deps.js';
import { embedderOf, tryEmbed } from './embedder.js';

const fake = new FakeOpenAi();
beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.close();
});

const depsWith = (config: Record<string, unknown>): Deps => ({ db: undefined as never, clock: new FakeClock(), config: testConfig(config) });

describe('embedderOf', () => {
  it('Given an API key and an OpenAI-compatible base URL, Then vectors come from /v1/embeddings with the configured model and length, unit length', async () => {
    const embedder = await embedderOf(depsWith({ 'ai.apiKey': 'sk-test', 'kb.embeddingBaseUrl': fake.baseUrl, 'kb.embeddingDimensions': 64 }));
    expect(embedder).toMatchObject({ model: 'text-embedding-3-small@64', dimensions: 64 });
    const vectors = await embedder!.embed(['reset my password', 'delivery times']);
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(64);
    expect(Math.hypot(...vectors[0]!)).toBeCloseTo(1, 5);
    expect(fake.embeddingCalls.at(-1)!.body).toMatchObject({ model: 'text-embedding-3-small', dimensions: 64, input: ['reset my password', 'delivery times'] });
  });

  it('Given no API key, or the model set to none, Then there is no embedder (full text alone)', async () => {
    expect(await embedderOf(depsWith({}))).toBeNull();
    expect(await embedderOf(depsWith({ 'ai.apiKey': 'sk-test', 'kb.embeddingModel': 'none' }))).toBeNull();
  });

  it('Given a provider that fails, Then tryEmbed answers null instead of throwing', async () => {
    const embedder = await embedderOf(depsWith({ 'ai.apiKey': 'sk-test', 'kb.embeddingBaseUrl': 'http://127.0.0.1:9/v1' }));
    expect(await tryEmbed(embedder, ['x'])).toBeNull();
  });
});
