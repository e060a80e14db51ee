import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Actor } from '../../src/core/access/permissions.js';
import { MemoryMailTransport } from '../../src/core/email/mail-transport.js';
import { createServices, type Services } from '../../src/core/services.js';
import { buildServer, type ServerOptions } from '../../src/server/app.js';
import { TEST_PASSWORD, useTestDatabase, type TestDatabase } from './db.js';

export interface TestServer extends TestDatabase {
  readonly app: FastifyInstance;
  readonly api: Services;
  readonly mail: MemoryMailTransport;
  /** Logs `actor` in through the API and returns its tokens. */
  login(actor: Pick<Actor, 'email'>, password?: string): Promise<{ accessToken: string; refreshToken: string }>;
  /** inject() with the actor's bearer token. */
  as(token: string, options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** A file's database plus the API built on it (inject only; nothing listens). */
export function useTestServer(options: Omit<ServerOptions, 'services'> & { config?: Record<string, unknown> } = {}): TestServer {
  const t = useTestDatabase({ config: options.config });
  const mail = new MemoryMailTransport();
  let app: FastifyInstance | undefined;
  let api: Services | undefined;
  beforeAll(async () => {
    api = createServices({ ...t.deps, mailer: mail });
    app = await buildServer({ rateLimitPerMinute: false, ...options, services: api });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });
  const server = Object.create(t) as TestServer;
  Object.defineProperties(server, {
    app: { get: () => app! },
    api: { get: () => api! },
    mail: { value: mail },
    login: {
      value: async (actor: Pick<Actor, 'email'>, password = TEST_PASSWORD) => {
        const res = await app!.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: actor.email, password } });
        if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
        return res.json() as { accessToken: string; refreshToken: string };
      },
    },
    as: {
      value: (token: string, opts: InjectOptions) => app!.inject({ ...opts, headers: { ...(opts.headers ?? {}), authorization: `Bearer ${token}` } }),
    },
  });
  return server;
}
