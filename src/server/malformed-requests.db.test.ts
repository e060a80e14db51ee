import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../test/support/server.js';

const t = useTestServer();

interface RouteTemplate {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** A valid body, which defects then break. */
  body?: Record<string, unknown>;
  multipart?: boolean;
}

// Every route of the API with a path parameter or a body (the ones malformed input can reach).
const ROUTES: RouteTemplate[] = [
  { method: 'POST', path: '/v1/auth/register', body: { email: 'new@example.com', password: 'password123' } },
  { method: 'POST', path: '/v1/auth/login', body: { email: 'a@example.com', password: 'password123' } },
  { method: 'POST', path: '/v1/auth/refresh', body: { refreshToken: 'x'.repeat(43) } },
  { method: 'POST', path: '/v1/auth/forgot-password', body: { email: 'a@example.com' } },
  { method: 'POST', path: '/v1/auth/reset-password', body: { token: 'x'.repeat(43), password: 'password123' } },
  { method: 'POST', path: '/v1/tickets', body: { subject: 'Help', message: 'Please' } },
  { method: 'GET', path: '/v1/tickets/{n}' },
  { method: 'POST', path: '/v1/tickets/{n}/messages', body: { body: 'hi' } },
  { method: 'POST', path: '/v1/tickets/{n}/escalate', body: { reason: 'human please' } },
  { method: 'PUT', path: '/v1/tickets/{n}/messages/{id}/rating', body: { rating: 4 } },
  { method: 'GET', path: '/v1/tickets/{n}/sla' },
  { method: 'PATCH', path: '/v1/tickets/{n}', body: { priority: 'high' } },
  { method: 'POST', path: '/v1/tickets/{n}/assign', body: { agent: '@me' } },
  { method: 'POST', path: '/v1/tickets/{n}/notes', body: { body: 'note' } },
  { method: 'POST', path: '/v1/tickets/{n}/close' },
  { method: 'GET', path: '/v1/tickets/{n}/history' },
  { method: 'DELETE', path: '/v1/tickets/{n}' },
  { method: 'POST', path: '/v1/tickets/{n}/tags', body: { tags: ['vip'] } },
  { method: 'DELETE', path: '/v1/tickets/{n}/tags/{name}' },
  { method: 'PUT', path: '/v1/tickets/{n}/category', body: { category: 'billing' } },
  { method: 'POST', path: '/v1/tickets/{n}/time-entries', body: { minutes: 5 } },
  { method: 'POST', path: '/v1/trash/{n}/restore' },
  { method: 'DELETE', path: '/v1/trash/{n}' },
  { method: 'POST', path: '/v1/tags', body: { name: 'vip' } },
  { method: 'PATCH', path: '/v1/tags/{name}', body: { newName: 'gold' } },
  { method: 'POST', path: '/v1/categories', body: { name: 'billing' } },
  { method: 'PATCH', path: '/v1/categories/{name}', body: { description: 'x' } },
  { method: 'POST', path: '/v1/tickets/{n}/attachments', multipart: true },
  { method: 'GET', path: '/v1/tickets/{n}/attachments/{id}' },
  { method: 'DELETE', path: '/v1/tickets/{n}/attachments/{id}' },
];

const badNumber = fc.constantFrom('0', '-1', '1e3', '12.5', '%20%31', 'abc', '..%2F..%2Fetc%2Fpasswd', '99999999999999', '%00', '1001;drop', 'NaN', '0x10', '%E2%80%AE');
const badId = fc.constantFrom('not-a-uuid', '..%2F..%2Fsecret', '%00', 'x'.repeat(150), '1', '00000000-0000-0000-0000-00000000000g');
const traversalName = fc.constantFrom('..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2f', 'a'.repeat(150), '%00', '%C0%AE%C0%AE%2F');
const junk = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }));

type Defect =
  | { kind: 'badParam'; value: string }
  | { kind: 'badJson'; raw: string }
  | { kind: 'wrongType'; field: number; value: unknown }
  | { kind: 'unknownField'; name: string; value: unknown }
  | { kind: 'hugeString'; size: number }
  | { kind: 'notAnObject'; value: unknown }
  | { kind: 'wrongContentType'; type: string }
  | { kind: 'brokenMultipart'; variant: number; filename: string }
  | { kind: 'noToken' };

const defect: fc.Arbitrary<Defect> = fc.oneof(
  fc.record({ kind: fc.constant('badParam' as const), value: fc.oneof(badNumber, badId, traversalName) }),
  fc.record({ kind: fc.constant('badJson' as const), raw: fc.oneof(fc.constantFrom('{', '{"a":', '[1,2', 'nul', '{"subject":"x",}', "{'a':1}", '\u0000', '{"__proto__":{"x":1}'), fc.string({ minLength: 1, maxLength: 30 }).map((s) => `{${s}`)) }),
  fc.record({ kind: fc.constant('wrongType' as const), field: fc.nat(), value: junk }),
  fc.record({ kind: fc.constant('unknownField' as const), name: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !['subject', 'message', 'body', 'reason', 'rating', 'comment', 'priority', 'agent', 'tags', 'category', 'minutes', 'type', 'billable', 'description', 'name', 'color', 'newName', 'email', 'password', 'token', 'refreshToken', 'context', 'customerEmail', 'everywhere', '__proto__'].includes(s)), value: junk }),
  fc.record({ kind: fc.constant('hugeString' as const), size: fc.constantFrom(200_001, 600_000, 1_100_000) }),
  fc.record({ kind: fc.constant('notAnObject' as const), value: fc.oneof(fc.integer(), fc.string(), fc.array(fc.integer(), { maxLength: 3 })) }),
  fc.record({ kind: fc.constant('wrongContentType' as const), type: fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'image/png') }),
  fc.record({ kind: fc.constant('brokenMultipart' as const), variant: fc.integer({ min: 0, max: 4 }), filename: fc.constantFrom('../../etc/passwd', '..\\..\\boot.ini', 'a.png', '%00.png', '') }),
  fc.constant({ kind: 'noToken' as const }),
);

function brokenMultipart(variant: number, filename: string): { payload: Buffer; headers: Record<string, string> } {
  const b = 'brokenboundary';
  const file = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`;
  switch (variant) {
    case 0: // cut off mid-part, no closing boundary
      return { payload: Buffer.from(`${file}\x89PNG\r\n`), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
    case 1: // no boundary parameter
      return { payload: Buffer.from(`${file}x\r\n--${b}--\r\n`), headers: { 'content-type': 'multipart/form-data' } };
    case 2: // a field but no file
      return { payload: Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="messageId"\r\n\r\nx\r\n--${b}--\r\n`), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
    case 3: // the file under another field name, with a traversal name and unknown content
      return { payload: Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="other"; filename="${filename}"\r\n\r\nMZ\x90\x00\r\n--${b}--\r\n`), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
    default: // a file whose content is on no allowlist (an executable), under a traversal name
      return { payload: Buffer.from(`${file}MZ\x90\x00\x03\x00\x00\x00\r\n--${b}--\r\n`), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
  }
}

function build(route: RouteTemplate, d: Defect, ctx: { number: number; messageId: string; token: string }): InjectOptions | null {
  const hasBody = route.body !== undefined || route.multipart;
  let path = route.path.replace('{n}', String(ctx.number)).replace('{id}', ctx.messageId).replace('{name}', 'vip');
  const headers: Record<string, string> = { authorization: `Bearer ${ctx.token}` };
  let payload: string | Buffer | undefined = route.body ? JSON.stringify(route.body) : undefined;
  if (payload !== undefined) headers['content-type'] = 'application/json';
  switch (d.kind) {
    case 'badParam':
      if (!route.path.includes('{')) return null;
      path = route.path.replace('{n}', d.value).replace('{id}', d.value).replace('{name}', d.value);
      if (!route.path.includes('{n}') && !route.path.includes('{id}')) return route.method === 'PATCH' ? { method: route.method, url: path, headers, payload: JSON.stringify({ nonsense: 1 }) } : null;
      break;
    case 'badJson':
      if (!route.body) return null;
      payload = d.raw;
      break;
    case 'wrongType': {
      if (!route.body || Object.keys(route.body).length === 0) return null;
      const keys = Object.keys(route.body);
      const key = keys[d.field % keys.length]!;
      const original = route.body[key];
      if (typeof d.value === typeof original && !Array.isArray(original)) return null; // same type: not a defect
      if (Array.isArray(original) && Array.isArray(d.value)) return null;
      payload = JSON.stringify({ ...route.body, [key]: d.value });
      break;
    }
    case 'unknownField':
      if (!route.body) return null;
      payload = JSON.stringify({ ...route.body, [d.name]: d.value });
      break;
    case 'hugeString': {
      if (!route.body) return null;
      const key = Object.keys(route.body).find((k) => typeof route.body![k] === 'string');
      if (!key) return null;
      payload = JSON.stringify({ ...route.body, [key]: 'x'.repeat(d.size) });
      break;
    }
    case 'notAnObject':
      if (!route.body) return null;
      payload = JSON.stringify(d.value);
      break;
    case 'wrongContentType':
      if (!hasBody) return null;
      headers['content-type'] = d.type;
      payload = payload ?? 'x';
      break;
    case 'brokenMultipart': {
      if (!hasBody) return null;
      const m = brokenMultipart(d.variant, d.filename);
      Object.assign(headers, m.headers);
      payload = m.payload;
      break;
    }
    case 'noToken':
      if (route.path.startsWith('/v1/auth/')) return null;
      delete headers.authorization;
      break;
    default: {
      const never: never = d;
      throw new Error(String(never));
    }
  }
  return { method: route.method, url: path, headers, payload };
}

describe('malformed requests', () => {
  it('Given 1,000+ generated malformed requests across all routes, then every answer is a 4xx with the error envelope and the server stays up', async () => {
    const admin = await t.user('admin');
    const customer = await t.user('customer');
    const tokens = [(await t.login(admin)).accessToken, (await t.login(customer)).accessToken];
    const created = (await t.as(tokens[1]!, { method: 'POST', url: '/v1/tickets', payload: { subject: 'Fuzz target', message: 'hello' } })).json();
    let sent = 0;
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), defect, fc.constantFrom(0, 1), async (route, d, who) => {
        const options = build(route, d, { number: created.ticket.number, messageId: created.message.id, token: tokens[who]! });
        fc.pre(options !== null);
        const res = await t.app.inject(options!);
        sent++;
        seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
        const context = `${options!.method} ${options!.url} (${d.kind}) → ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect(res.statusCode, context).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, context).toBeLessThan(500);
        const body = res.json();
        expect(Object.keys(body), context).toEqual(['error']);
        expect(typeof body.error.code, context).toBe('string');
        expect(typeof body.error.message, context).toBe('string');
      }),
      { numRuns: 1100, seed: Number(process.env.FUZZ_SEED ?? 20261126), maxSkipsPerRun: 100 },
    );
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect([...seen.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await t.as(tokens[1]!, { method: 'GET', url: `/v1/tickets/${created.ticket.number}` })).statusCode).toBe(200);
  }, 120_000);

  it('Given malformed requests over a real socket, then every answer is a 4xx envelope and the server keeps serving', async () => {
    const { accessToken } = await t.login(await t.user('customer'));
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const samples = fc.sample(fc.tuple(fc.constantFrom(...ROUTES), defect), { numRuns: 150, seed: 7 });
      let sent = 0;
      for (const [route, d] of samples) {
        const options = build(route, d, { number: 1001, messageId: '00000000-0000-4000-8000-000000000000', token: accessToken });
        if (!options) continue;
        const res = await fetch(`${address}${options.url}`, { method: options.method, headers: options.headers as Record<string, string>, body: options.payload as string | undefined });
        sent++;
        const text = await res.text();
        const context = `${options.method} ${options.url} (${d.kind}) → ${res.status} ${text.slice(0, 300)}`;
        expect(res.status, context).toBeGreaterThanOrEqual(400);
        expect(res.status, context).toBeLessThan(500);
        expect(Object.keys(JSON.parse(text)), context).toEqual(['error']);
      }
      expect(sent).toBeGreaterThan(50);
      expect((await fetch(`${address}/healthz`)).status).toBe(200);
    } finally {
      await t.app.server.close();
    }
  }, 60_000);
});
