import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox, E2E_DESK_ADMIN } from '../support/cli.js';
import { FakeOpenAi } from '../support/fake-openai.js';
import { http, spawnServe, type ServeProcess } from '../support/server.js';

// The built `nexus serve` (embedded database) with its in-process AI workers, talking to a local
// OpenAI-compatible fake through the real SDK; the CLI reads traces and status beside it.
describe('AI replies through nexus serve (built binary)', () => {
  const fake = new FakeOpenAi();
  let box: CliSandbox;
  let serve: ServeProcess;
  let token = '';

  beforeAll(async () => {
    await fake.start();
    box = new CliSandbox({ OPENAI_API_KEY: 'sk-e2e', NEXUS_AI_BASE_URL: fake.baseUrl, NEXUS_AI_WAIT_SECONDS: '10', NEXUS_AI_MAX_RETRIES: '1', NEXUS_AI_INITIAL_DELAY: '0.05' });
    box.initFromTemplate();
    serve = await spawnServe(box.env);
    const reg = await http(serve.url, 'POST', '/v1/auth/register', { body: { email: 'cara@example.com', password: 'customer pass', name: 'Cara' } });
    token = reg.json.accessToken;
  }, 60_000);
  afterAll(async () => {
    await serve?.stop();
    await fake.close();
    box?.cleanup();
  });

  it('a new ticket gets the AI answer in the create response', async () => {
    const created = await http(serve.url, 'POST', '/v1/tickets', { token, body: { subject: 'Password', message: 'How do I reset my password?' } });
    expect(created.status).toBe(201);
    expect(created.json.ai).toMatchObject({ status: 'replied', message: { kind: 'ai', body: fake.defaultAnswer.reply } });
    expect(fake.calls).toHaveLength(1);
  });

  it('asking for a person escalates without calling the model; a provider outage gives the acknowledgement', async () => {
    const calls = fake.calls.length;
    const human = await http(serve.url, 'POST', '/v1/tickets', { token, body: { subject: 'Help', message: 'I want to talk to a person.' } });
    // The answer shows the ticket as stored after the hand-off (issue 8): escalated, not open.
    expect(human.json).toMatchObject({ ai: { status: 'handed_off', reason: 'explicit_human' }, ticket: { status: 'escalated' } });
    expect(fake.calls).toHaveLength(calls);

    fake.enqueue({ status: 500 }, { status: 500 });
    const outage = await http(serve.url, 'POST', '/v1/tickets', { token, body: { subject: 'Parcel', message: 'Where is my parcel?' } });
    expect(outage.status).toBe(201);
    expect(outage.json.ai).toEqual({ status: 'handed_off', reason: 'model_unavailable' });
    const view = await http(serve.url, 'GET', `/v1/tickets/${outage.json.ticket.number}`, { token });
    expect(view.json.ticket?.status ?? view.json.status).toBe('escalated');
  });

  it('nexus ai traces and ai status work beside the server', async () => {
    const traces = await box.run(['ai', 'traces', '--json']);
    expect(traces.code).toBe(0);
    expect(traces.json().items.map((t: { outcome: string }) => t.outcome).sort()).toEqual(['failed', 'handed_off', 'replied']);
    const status = await box.run(['ai', 'status', '--json']);
    expect(status.json()).toMatchObject({ enabled: true, model: 'gpt-4o-mini', breaker: { state: 'closed', consecutiveFailures: 1 }, queue: { queued: 0, running: 0 } });
  });

  it('ai status reports the desk\'s AI as the server sees it, not the asking shell\'s environment (issue 8)', async () => {
    // This shell has no key, no endpoint and another model; the server has the key and the fake endpoint.
    const shell = { OPENAI_API_KEY: undefined, NEXUS_AI_BASE_URL: undefined, NEXUS_AI_MODEL: 'shell-model' };
    const status = await box.run(['ai', 'status', '--json'], { env: shell });
    expect(status.code, status.stderr).toBe(0);
    const host = new URL(fake.baseUrl).host;
    expect(status.json()).toMatchObject({ configSource: 'server', server: { command: 'nexus serve' }, enabled: true, apiKeyPresent: true, provider: 'openai-compatible', baseUrlHost: host, model: 'gpt-4o-mini' });
    expect(status.stdout).not.toContain('sk-e2e');
    const human = await box.run(['ai', 'status'], { env: shell });
    expect(human.stdout).toMatch(/API key:\s+present/);
    expect(human.stdout).toContain(`openai-compatible (${host})`);
    // The API publishes the same configuration to staff.
    const login = await http(serve.url, 'POST', '/v1/auth/login', { body: { email: 'admin@example.com', password: E2E_DESK_ADMIN.password } });
    const api = await http(serve.url, 'GET', '/v1/ai/status', { token: login.json.accessToken });
    expect(api.json).toMatchObject({ configSource: 'server', apiKeyPresent: true, baseUrlHost: host, model: 'gpt-4o-mini' });
  });
});
