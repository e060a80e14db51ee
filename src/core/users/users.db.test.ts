import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { NexusError } from '../errors.js';

const t = useTestDatabase();

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NexusError);
  expect((error as NexusError).code).toBe(code);
  return error as NexusError;
}

describe('create user', () => {
  it('given an admin, when creating an agent, then the account exists with a bcrypt hash and lower-case email', async () => {
    const admin = await t.user('admin');
    const user = await t.services.users.create(admin, { email: 'Ana@Example.COM', name: 'Ana', role: 'agent', password: 'long enough' });
    expect(user).toMatchObject({ email: 'ana@example.com', name: 'Ana', role: 'agent', isDisabled: false, hasPassword: true });
    const row = await t.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$2b\$04\$/);
  });

  it('refuses a duplicate email regardless of case', async () => {
    const admin = await t.user('admin');
    await t.services.users.create(admin, { email: 'bo@example.com' });
    await expectCode(t.services.users.create(admin, { email: 'BO@example.com' }), 'ALREADY_EXISTS');
  });

  it.each([
    ['not-an-email', 'x'.repeat(10), 'email'],
    ['ok@example.com', 'short', 'password'],
    ['ok@example.com', 'x'.repeat(73), 'password'],
    ['ok@example.com', 'é'.repeat(37), 'password'], // 74 bytes in UTF-8
  ])('refuses %s / a bad password and names the field', async (email, password, field) => {
    const admin = await t.user('admin');
    const error = await expectCode(t.services.users.create(admin, { email, password }), 'VALIDATION_FAILED');
    expect(error.details?.map((d) => d.path)).toContain(field);
  });

  it('accepts a password of exactly 72 bytes', async () => {
    const admin = await t.user('admin');
    await expect(t.services.users.create(admin, { email: 'ok@example.com', password: 'x'.repeat(72) })).resolves.toMatchObject({ hasPassword: true });
  });

  it.each(['agent', 'customer'] as const)('refuses a %s', async (role) => {
    const actor = await t.user(role);
    await expectCode(t.services.users.create(actor, { email: 'x@example.com' }), 'FORBIDDEN');
    await expectCode(t.services.users.list(actor), 'FORBIDDEN');
  });
});

describe('roles, disabling and password resets end sessions', () => {
  async function loggedIn(role: 'agent' | 'admin') {
    const user = await t.user(role);
    const session = await t.services.auth.startCliSession(user.id, 'test');
    return { user, token: session.token };
  }

  it('set-role ends the sessions of that user and bumps the token version', async () => {
    const admin = await t.user('admin');
    const { user, token } = await loggedIn('agent');
    await expect(t.services.auth.resolveCliSession(token)).resolves.toMatchObject({ role: 'agent' });
    await t.services.users.setRole(admin, { email: user.email, role: 'admin' });
    await expectCode(t.services.auth.resolveCliSession(token), 'UNAUTHENTICATED');
    const row = await t.db.selectFrom('users').select(['role', 'token_version']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'admin', token_version: 1 });
  });

  it('disable ends sessions and refuses login; enable lets the user in again', async () => {
    const admin = await t.user('admin');
    const { user, token } = await loggedIn('agent');
    await t.services.users.setDisabled(admin, { email: user.email, disabled: true });
    await expectCode(t.services.auth.resolveCliSession(token), 'UNAUTHENTICATED');
    await expectCode(t.services.auth.authenticate({ email: user.email, password: 'password123' }), 'ACCOUNT_DISABLED');
    await t.services.users.setDisabled(admin, { email: user.email, disabled: false });
    await expect(t.services.auth.authenticate({ email: user.email, password: 'password123' })).resolves.toMatchObject({ email: user.email });
  });

  it('reset-password ends sessions; only the new password works', async () => {
    const admin = await t.user('admin');
    const { user, token } = await loggedIn('agent');
    await t.services.users.resetPassword(admin, { email: user.email, password: 'a brand new one' });
    await expectCode(t.services.auth.resolveCliSession(token), 'UNAUTHENTICATED');
    await expectCode(t.services.auth.authenticate({ email: user.email, password: 'password123' }), 'INVALID_CREDENTIALS');
    await expect(t.services.auth.authenticate({ email: user.email, password: 'a brand new one' })).resolves.toMatchObject({ id: user.id });
  });

  it('never leaves the desk without an active admin', async () => {
    const admin = await t.user('admin');
    const other = await t.user('admin');
    await expectCode(t.services.users.setDisabled(admin, { email: admin.email, disabled: true }), 'CONFLICT');
    await t.services.users.setRole(admin, { email: other.email, role: 'agent' });
    await expectCode(t.services.users.setRole(admin, { email: admin.email, role: 'agent' }), 'CONFLICT');
  });

  it('unknown users are NOT_FOUND', async () => {
    const admin = await t.user('admin');
    await expectCode(t.services.users.setRole(admin, { email: 'ghost@example.com', role: 'agent' }), 'NOT_FOUND');
  });
});

describe('authenticate and CLI sessions', () => {
  it('answers the same for an unknown email and a wrong password', async () => {
    const agent = await t.user('agent');
    const wrong = await expectCode(t.services.auth.authenticate({ email: agent.email, password: 'nope nope' }), 'INVALID_CREDENTIALS');
    const unknown = await expectCode(t.services.auth.authenticate({ email: 'ghost@example.com', password: 'nope nope' }), 'INVALID_CREDENTIALS');
    expect(wrong.message).toBe(unknown.message);
  });

  it('expires sessions after their lifetime and ends them on logout', async () => {
    const agent = await t.user('agent');
    const a = await t.services.auth.startCliSession(agent.id, 'test');
    t.clock.advance(91 * 86_400_000);
    await expectCode(t.services.auth.resolveCliSession(a.token), 'UNAUTHENTICATED');
    const b = await t.services.auth.startCliSession(agent.id, 'test');
    expect(await t.services.auth.endCliSession(b.token)).toBe(true);
    await expectCode(t.services.auth.resolveCliSession(b.token), 'UNAUTHENTICATED');
    const c = await t.services.auth.startCliSession(agent.id, 'test');
    const stored = await t.db.selectFrom('sessions').select('token_hash').execute();
    // A live session is stored (the list is not empty), by hash only: no raw token is in it.
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((s) => s.token_hash)).not.toContain(b.token);
    expect(stored.map((s) => s.token_hash)).not.toContain(c.token);
  });
});
