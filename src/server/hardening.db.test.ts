import { describe, expect, it } from 'vitest';
import type { DB } from '../core/db/schema.js';
import { createServices } from '../core/services.js';
import { useTestServer } from '../../test/support/server.js';
import { buildServer } from './app.js';

const t = useTestServer();

describe('hardening', () => {
  it('Given more requests than the per-client limit, then 429 with Retry-After and the envelope', async () => {
    const app = await buildServer({ services: t.api, rateLimitPerMinute: 3 });
    try {
      for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'GET', url: '/v1/auth/me' })).statusCode).toBe(401);
      const res = await app.inject({ method: 'GET', url: '/v1/auth/me' });
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('RATE_LIMITED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });

  it('Given no CORS origins configured, then no CORS headers; given an allowlist, only those origins get them', async () => {
    const closed = await t.app.inject({ method: 'OPTIONS', url: '/v1/tickets', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(closed.headers['access-control-allow-origin']).toBeUndefined();
    const app = await buildServer({ services: createServices({ ...t.api.deps, config: { ...t.api.deps.config, corsOrigins: ['https://desk.example.com'] } }), rateLimitPerMinute: false });
    try {
      const allowed = await app.inject({ method: 'OPTIONS', url: '/v1/tickets', headers: { origin: 'https://desk.example.com', 'access-control-request-method': 'POST' } });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://desk.example.com');
      const other = await app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://evil.example' } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('sends security headers and a request id on every answer, and honours a sane incoming request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['x-request-id']).toBe('abc-123');
    const bad = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'no spaces\nplease' } });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses bodies over 1 MiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(1_100_000) }) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers /healthz and /readyz (database reachable, migrations current)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('answers /readyz with 503 when the database cannot be reached, while /healthz stays 200', async () => {
    const { Kysely, PostgresDialect } = await import('kysely');
    const pg = (await import('pg')).default;
    const unreachable = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 500 }) }) });
    const app = await buildServer({ services: createServices({ ...t.api.deps, db: unreachable }), rateLimitPerMinute: false });
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('DATABASE_UNAVAILABLE');
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await unreachable.destroy();
    }
  });

  it('serves an OpenAPI 3.1 document listing every route with its schemas, and a docs page', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/v1/auth/login', '/v1/auth/register', '/v1/auth/refresh', '/v1/auth/logout', '/v1/auth/forgot-password', '/v1/auth/reset-password', '/v1/auth/me', '/v1/tickets', '/v1/tickets/{number}', '/v1/tickets/{number}/messages', '/v1/tickets/{number}/attachments', '/v1/tickets/{number}/sla', '/v1/trash', '/v1/stats', '/v1/tags', '/v1/categories']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.paths['/v1/tickets'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('subject');
    expect(doc.paths['/v1/tickets/{number}'].get.responses).toHaveProperty('404');
    const page = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('/openapi.json');
    expect((await t.app.inject({ method: 'GET', url: '/docs/app.js' })).statusCode).toBe(200);
  });

  it('answers unknown routes with the 404 envelope, and unexpected errors with a bare 500', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    const broken = await buildServer({ services: { ...t.api, auth: { ...t.api.auth, me: async () => Promise.reject(new Error('secret detail: db password')) } }, rateLimitPerMinute: false });
    try {
      const { accessToken } = await t.login(await t.user('customer'));
      const crash = await broken.inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization: `Bearer ${accessToken}` } });
      expect(crash.statusCode).toBe(500);
      expect(crash.json()).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged' } });
    } finally {
      await broken.close();
    }
  });

  it('logs structured lines with request ids, and never tokens, passwords or message bodies', async () => {
    let logs = '';
    const stream = { write: (line: string) => void (logs += line) };
    const app = await buildServer({ services: t.api, rateLimitPerMinute: false, logger: { level: 'info', stream } });
    try {
      const customer = await t.user('customer');
      const login = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: customer.email, password: 'password123' } });
      const { accessToken, refreshToken } = login.json();
      await app.inject({ method: 'POST', url: '/v1/tickets', headers: { authorization: `Bearer ${accessToken}` }, payload: { subject: 'Private', message: 'my card is 4111 1111 1111 1111' } });
      await app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken } });
      const lines = logs.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.length).toBeGreaterThan(3);
      expect(lines.every((l) => typeof l.reqId === 'string' || l.reqId === undefined)).toBe(true);
      for (const secret of ['password123', accessToken, refreshToken, '4111 1111', 'Private']) expect(logs).not.toContain(secret);
    } finally {
      await app.close();
    }
  });
});
