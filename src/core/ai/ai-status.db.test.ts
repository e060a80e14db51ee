import { describe, expect, it } from 'vitest';
import { testConfig, useTestDatabase } from '../../../test/support/db.js';
import { createServices } from '../services.js';
import { NexusError } from '../errors.js';
import { publishAiRuntime, RUNTIME_STALE_MS } from './ai-runtime.js';
import { aiStatusSchema } from './get-ai-status.js';

// Issue 8: `ai status` reports the desk's AI as the server answering tickets sees it, never the
// asking shell's environment, and never the key.
const t = useTestDatabase();

/** The server's process: its own configuration, on the same database as the asking CLI (t.deps). */
const serverDeps = () => ({
  ...t.deps,
  config: testConfig({ 'ai.apiKey': 'sk-server-key-0123456789', 'ai.baseUrl': 'https://proxy-user:proxy-pass@llm.internal:8443/v1?key=q-secret', 'ai.model': 'server-model', 'ai.requestsPerMinute': 7 }),
});
const identity = { command: 'nexus serve', hostname: 'desk-host', pid: 4242 };

describe('ai status: the desk\'s AI configuration (issue 8)', () => {
  it('given no server runs, when staff ask, then it is this process\'s own configuration, marked local', async () => {
    const status = await t.services.ai.status(await t.user('agent'));
    expect(aiStatusSchema.parse(status)).toMatchObject({
      configSource: 'local',
      server: null,
      runningWorkers: 0,
      enabled: false,
      apiKeyPresent: false,
      provider: 'openai',
      baseUrlHost: 'api.openai.com',
      model: 'gpt-4o-mini',
    });
  });

  it('given a running server with a key and its own endpoint, when a CLI without them asks, then it reports the server\'s — host only, never the key', async () => {
    const running = await publishAiRuntime(serverDeps(), identity);
    const status = await t.services.ai.status(await t.user('agent'));
    expect(aiStatusSchema.parse(status)).toMatchObject({
      configSource: 'server',
      server: { command: 'nexus serve', hostname: 'desk-host', pid: 4242, startedAt: '2026-11-25T09:00:00.000Z' },
      runningWorkers: 1,
      enabled: true,
      disabledReason: null,
      apiKeyPresent: true,
      provider: 'openai-compatible',
      baseUrlHost: 'llm.internal:8443',
      model: 'server-model',
      limits: { requestsPerMinute: 7 },
    });
    const text = JSON.stringify(status);
    for (const secret of ['sk-server', 'proxy-pass', 'proxy-user', 'q-secret']) expect(text).not.toContain(secret);
    // The same document through the server's own services (GET /v1/ai/status uses them).
    expect(await createServices(serverDeps()).ai.status(await t.user('admin'))).toEqual(status);
    await running.remove();
    expect((await t.services.ai.status(await t.user('agent'))).configSource).toBe('local');
  });

  it('given a server that stopped beating (killed), when its row is older than the stale window, then it is ignored; a beat brings it back', async () => {
    const running = await publishAiRuntime(serverDeps(), identity);
    t.clock.advance(RUNTIME_STALE_MS + 1000);
    expect((await t.services.ai.status(await t.user('agent'))).configSource).toBe('local');
    await running.beat();
    expect(await t.services.ai.status(await t.user('agent'))).toMatchObject({ configSource: 'server', model: 'server-model' });
  });

  it('given workers started with their identity, when they run and then stop, then the row appears and goes', async () => {
    const services = createServices(serverDeps());
    const workers = services.startWorkers({ identity, pollMs: 20, purgeEveryMs: 0, slaCheckEveryMs: 0 });
    const deadline = Date.now() + 10_000;
    while ((await t.db.selectFrom('ai_runtimes').select('id').execute()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect((await t.services.ai.status(await t.user('admin'))).server).toMatchObject({ pid: 4242 });
    await workers.stop();
    expect(await t.db.selectFrom('ai_runtimes').select('id').execute()).toEqual([]);
  });

  it('given a customer, when they ask, then it is forbidden', async () => {
    await expect(t.services.ai.status(await t.user('customer'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.services.ai.status(await t.user('customer'))).rejects.toBeInstanceOf(NexusError);
  });
});
