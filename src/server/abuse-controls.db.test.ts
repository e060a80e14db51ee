import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../test/support/server.js';

// Issue 9, items 10–16: abuse controls (OWASP ASVS 5.0 level 2), through the API as an attacker sends.
const t = useTestServer();
const behindProxy = useTestServer({ config: { trustProxy: ['127.0.0.1'] } });

const login = (email: string, password: string, remoteAddress = '198.51.100.7', server = t) =>
  server.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password }, remoteAddress });

describe('login throttling', () => {
  it('Given 60 wrong passwords and then the right one in one parallel burst, then at most 5 guesses are checked and the right one is refused', async () => {
    const customer = await t.user('customer');
    const burst = await Promise.all([...Array.from({ length: 60 }, (_, i) => login(customer.email, `wrong guess ${i}`)), login(customer.email, 'password123')]);
    const checked = burst.filter((r) => r.statusCode === 401 || r.statusCode === 200).length;
    console.log(`parallel burst of 61: ${checked} guesses evaluated, ${burst.filter((r) => r.statusCode === 429).length} refused before bcrypt`);
    expect(checked).toBeLessThanOrEqual(5);
    expect(burst.at(-1)!.statusCode).toBe(429);
    expect(burst.every((r) => [401, 429].includes(r.statusCode))).toBe(true);
  });

  it('Given an attacker failing again and again from one address, then the owner still logs in from another, and the attacker waits longer each time', async () => {
    const owner = await t.user('agent');
    for (let i = 0; i < 5; i++) expect((await login(owner.email, `attacker ${i}`, '203.0.113.66')).statusCode).toBe(401);
    const blocked = await login(owner.email, 'attacker 5', '203.0.113.66');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('1');
    expect((await login(owner.email, 'password123', '192.0.2.10')).statusCode).toBe(200);
    // Progressive: after the wait one more guess, then twice the wait.
    t.clock.advance(1000);
    expect((await login(owner.email, 'attacker 6', '203.0.113.66')).statusCode).toBe(401);
    const longer = await login(owner.email, 'attacker 7', '203.0.113.66');
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('2');
  });

  it('Given no trusted proxy (the default), then X-Forwarded-For is ignored: a forged header does not escape the address limit', async () => {
    for (let i = 0; i < 30; i++) await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: `guess${i}@example.com`, password: 'wrong pass' }, remoteAddress: '198.51.100.99', headers: { 'x-forwarded-for': `10.0.0.${i}` } });
    const res = await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: 'someone@example.com', password: 'wrong pass' }, remoteAddress: '198.51.100.99', headers: { 'x-forwarded-for': '10.9.9.9' } });
    expect(res.statusCode).toBe(429);
  });

  it('Given trustProxy lists the proxy, then each client behind it is throttled on its own address, not all together', async () => {
    const agent = await behindProxy.user('agent');
    for (let i = 0; i < 30; i++) {
      await behindProxy.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: `guess${i}@example.com`, password: 'wrong pass' }, remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.50' } });
    }
    const attacker = await behindProxy.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: agent.email, password: 'password123' }, remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.50' } });
    expect(attacker.statusCode).toBe(429);
    const colleague = await behindProxy.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: agent.email, password: 'password123' }, remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '192.0.2.77' } });
    expect(colleague.statusCode).toBe(200);
  });
});

describe('password reset mails', () => {
  it('Given 30 reset requests for one account, then at most 3 mails go out, and one address cannot mail 12 accounts', async () => {
    const customer = await t.user('customer');
    t.mail.sent.length = 0;
    await Promise.all(Array.from({ length: 30 }, (_, i) => t.api.auth.forgotPassword({ email: customer.email }, { address: `192.0.2.${i}` })));
    const toCustomer = t.mail.sent.filter((m) => m.to === customer.email).length;
    expect(toCustomer).toBeLessThanOrEqual(3);
    expect(toCustomer).toBeGreaterThan(0);
    const many = await Promise.all(Array.from({ length: 12 }, (_, i) => t.user('customer', `victim${i}@example.com`)));
    t.mail.sent.length = 0;
    for (const user of many) await t.api.auth.forgotPassword({ email: user.email }, { address: '203.0.113.9' });
    console.log(`reset mails: 30 requests for one account → ${toCustomer} mails; 12 accounts from one address → ${t.mail.sent.length} mails`);
    expect(t.mail.sent.length).toBe(10);
  });
});

describe('passwords', () => {
  it('Given a 72-byte password, when logging in with it plus more bytes, then 401 (no bcrypt truncation match)', async () => {
    const password = `${'long-passphrase-'.repeat(4)}abcdefgh`; // 72 bytes
    expect(Buffer.byteLength(password)).toBe(72);
    const reg = await t.app.inject({ method: 'POST', url: '/v1/auth/register', payload: { email: 'long@example.com', password } });
    expect(reg.statusCode).toBe(201);
    expect((await login('long@example.com', `${password}-and-more`, '192.0.2.200')).statusCode).toBe(401);
    expect((await login('long@example.com', password, '192.0.2.200')).statusCode).toBe(200);
  });

  it.each(['password', '12345678', 'Password1', 'qwertyuiop'])('Given the common password %s, when registering, then 400 naming body.password', async (password) => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/auth/register', payload: { email: 'common@example.com', password } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: expect.stringMatching(/password$/), message: expect.stringContaining('common') }]);
  });
});

describe('text input', () => {
  const probes: [string, Record<string, string>, string][] = [
    ['a NUL byte in the subject', { subject: 'Help\u0000me', message: 'Please' }, 'body.subject'],
    ['a lone high surrogate in the message', { subject: 'Help', message: 'broken \ud800 text' }, 'body.message'],
    ['a lone low surrogate in the subject', { subject: '\udc00', message: 'Please' }, 'body.subject'],
  ];
  it.each(probes)('Given %s, when creating a ticket, then 400 naming the field', async (_name, payload, path) => {
    const { accessToken } = await t.login(await t.user('customer'));
    const res = await t.as(accessToken, { method: 'POST', url: '/v1/tickets', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path })]);
  });

  it('Given a NUL byte in a query parameter, then 400 naming it', async () => {
    const { accessToken } = await t.login(await t.user('agent'));
    const res = await t.as(accessToken, { method: 'GET', url: '/v1/tickets?search=a%00b' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'query.search' })]);
  });
});

describe('responses and bodies', () => {
  it('Given a login and an authenticated request, then both answers say Cache-Control: no-store', async () => {
    const customer = await t.user('customer');
    const res = await login(customer.email, 'password123', '192.0.2.201');
    expect(res.headers['cache-control']).toBe('no-store');
    const list = await t.as(res.json().accessToken, { method: 'GET', url: '/v1/tickets' });
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
  });

  it('Given a text/plain body on a JSON route, then 415', async () => {
    const { accessToken } = await t.login(await t.user('customer'));
    const res = await t.as(accessToken, { method: 'POST', url: '/v1/tickets', payload: '{"subject":"Hi","message":"there"}', headers: { 'content-type': 'text/plain' } });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
