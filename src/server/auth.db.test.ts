import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../test/support/server.js';

const t = useTestServer();

const me = (token: string) => t.as(token, { method: 'GET', url: '/v1/auth/me' });
const expect401 = async (token: string) => {
  const res = await me(token);
  expect(res.statusCode).toBe(401);
  expect(res.json().error.code).toBe('UNAUTHENTICATED');
};

describe('registration and login', () => {
  it('Given a new email, when registering with a role field, then the request is refused and registering without it makes a customer', async () => {
    const sneaky = await t.app.inject({ method: 'POST', url: '/v1/auth/register', payload: { email: 'eve@example.com', password: 'password123', role: 'admin' } });
    expect(sneaky.statusCode).toBe(400);
    expect(sneaky.json().error.code).toBe('VALIDATION_FAILED');
    const res = await t.app.inject({ method: 'POST', url: '/v1/auth/register', payload: { email: 'Eve@Example.com', password: 'eve registers 1', name: 'Eve' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ email: 'eve@example.com', role: 'customer' });
    expect((await me(res.json().accessToken)).json()).toMatchObject({ email: 'eve@example.com', role: 'customer' });
  });

  it('Given a wrong password, when logging in, then 401 INVALID_CREDENTIALS, the same as for an unknown email', async () => {
    const agent = await t.user('agent');
    const wrong = await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: agent.email, password: 'not-the-one' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: 'nobody@example.com', password: 'not-the-one' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
  });

  it('Given five failed logins for one account, when trying again, then 429 with Retry-After, even with the right password, until the window passes', async () => {
    const customer = await t.user('customer');
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: customer.email, password: `wrong-${i}-password` } });
    const res = await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: customer.email, password: 'password123' } });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    t.clock.advance(15 * 60 * 1000 + 1000);
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: customer.email, password: 'password123' } })).statusCode).toBe(200);
  });

  it('Given many failures from one address across accounts, when that address logs in, then 429', async () => {
    for (let i = 0; i < 30; i++) await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: `guess${i}@example.com`, password: 'password123' } });
    const agent = await t.user('agent');
    const res = await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: agent.email, password: 'password123' } });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
  });
});

describe('token attacks', () => {
  const secret = new TextEncoder().encode('test-secret-key-that-is-long-enough-0123');

  it('Given an unsigned token (alg none), a wrong key or a tampered role claim, when calling the API, then 401', async () => {
    const customer = await t.user('customer');
    const { accessToken } = await t.login(customer);
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString());
    const none = new UnsecuredJWT({ ...claims, role: 'admin' }).encode();
    await expect401(none);
    const wrongKey = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('another-secret-key-that-is-long-enough-9'));
    await expect401(wrongKey);
    const [header, , signature] = accessToken.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${signature}`;
    await expect401(tampered);
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).sign(new Uint8Array(64).fill(1));
    await expect401(hs512);
    const otherAudience = await new SignJWT({ ...claims, aud: 'someone-else' }).setProtectedHeader({ alg: 'HS256' }).sign(secret);
    await expect401(otherAudience);
    const refreshTyped = await new SignJWT({ ...claims, typ: 'refresh' }).setProtectedHeader({ alg: 'HS256' }).sign(secret);
    await expect401(refreshTyped);
    expect((await me(accessToken)).statusCode).toBe(200);
  });

  it('Given an access token, when 15 minutes pass, then it is refused as expired', async () => {
    const { accessToken } = await t.login(await t.user('customer'));
    t.clock.advance(15 * 60 * 1000 + 1000);
    const res = await me(accessToken);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/expired/);
  });

  it('Given a refresh token used twice, then the second use is 401 and every token of that login is dead', async () => {
    const { refreshToken } = await t.login(await t.user('customer'));
    const first = await t.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken } });
    expect(first.statusCode).toBe(200);
    const rotated = first.json();
    expect(rotated.refreshToken).not.toBe(refreshToken);
    expect((await me(rotated.accessToken)).statusCode).toBe(200);
    const replay = await t.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken } });
    expect(replay.statusCode).toBe(401);
    await expect401(rotated.accessToken);
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: rotated.refreshToken } })).statusCode).toBe(401);
  });

  it('Given a logout, then that access token and refresh token are refused, while another login of the same user lives on', async () => {
    const customer = await t.user('customer');
    const phone = await t.login(customer);
    const laptop = await t.login(customer);
    const out = await t.as(phone.accessToken, { method: 'POST', url: '/v1/auth/logout' });
    expect(out.statusCode, out.body).toBe(200);
    await expect401(phone.accessToken);
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: phone.refreshToken } })).statusCode).toBe(401);
    expect((await me(laptop.accessToken)).statusCode).toBe(200);
  });

  it('Given a role change or a disabled account, then existing access tokens are refused at once', async () => {
    const admin = await t.user('admin');
    const agent = await t.user('agent');
    const { accessToken } = await t.login(agent);
    await t.api.users.setRole(admin, { email: agent.email, role: 'customer' });
    await expect401(accessToken);
    const other = await t.user('agent');
    const second = await t.login(other);
    await t.api.users.setDisabled(admin, { email: other.email, disabled: true });
    await expect401(second.accessToken);
  });
});

describe('password reset', () => {
  const tokenFromMail = () => /Your reset token: (\S+)/.exec(t.mail.last()!.text)![1]!;
  // The answer goes out before the mail: wait (with a deadline) for the mail to arrive.
  const mailCount = async (n: number) => {
    const deadline = Date.now() + 5000;
    while (t.mail.sent.length < n && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    expect(t.mail.sent.length).toBe(n);
  };

  it('Given known and unknown emails, when asking for a reset, then both get the same answer and only the known one gets mail', async () => {
    const customer = await t.user('customer');
    const before = t.mail.sent.length;
    const known = await t.app.inject({ method: 'POST', url: '/v1/auth/forgot-password', payload: { email: customer.email } });
    const unknown = await t.app.inject({ method: 'POST', url: '/v1/auth/forgot-password', payload: { email: 'ghost@example.com' } });
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    await mailCount(before + 1);
    expect(t.mail.last()!.to).toBe(customer.email);
    const stored = await t.db.selectFrom('password_resets').select('token_hash').execute();
    // The reset is stored (so the list is not empty), but only as a hash of the mailed token.
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((r) => r.token_hash)).not.toContain(tokenFromMail());
  });

  it('Given a reset token, then it sets the password once, ends old tokens, and cannot be used again', async () => {
    const customer = await t.user('customer');
    const old = await t.login(customer);
    const before = t.mail.sent.length;
    await t.app.inject({ method: 'POST', url: '/v1/auth/forgot-password', payload: { email: customer.email } });
    await mailCount(before + 1);
    const token = tokenFromMail();
    const reset = await t.app.inject({ method: 'POST', url: '/v1/auth/reset-password', payload: { token, password: 'brand-new-pass' } });
    expect(reset.statusCode).toBe(200);
    await expect401(old.accessToken);
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: old.refreshToken } })).statusCode).toBe(401);
    await t.login(customer, 'brand-new-pass');
    const again = await t.app.inject({ method: 'POST', url: '/v1/auth/reset-password', payload: { token, password: 'another-pass-1' } });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0].path).toBe('token');
  });

  it('Given a malformed email, then 400 (checked before answering)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/auth/forgot-password', payload: { email: 'not-an-email' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('email');
  });

  it('Given a reset token older than 30 minutes, then it is refused', async () => {
    const customer = await t.user('customer');
    const before = t.mail.sent.length;
    await t.app.inject({ method: 'POST', url: '/v1/auth/forgot-password', payload: { email: customer.email } });
    await mailCount(before + 1);
    t.clock.advance(30 * 60 * 1000 + 1);
    const res = await t.app.inject({ method: 'POST', url: '/v1/auth/reset-password', payload: { token: tokenFromMail(), password: 'brand-new-pass' } });
    expect(res.statusCode).toBe(400);
  });
});
