import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Actor } from '../../src/core/access/permissions.js';
import type { Deps } from '../../src/core/deps.js';
import { MemoryMailTransport } from '../../src/core/email/mail-transport.js';
import { createServices, type Services } from '../../src/core/services.js';
import { MemoryBlobStore } from '../../src/core/storage/memory-blob-store.fake.js';
import { buildServer, type ServerOptions } from '../../src/server/app.js';
import { NEXUS_BIN } from './cli.js';
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
export function useTestServer(options: Omit<ServerOptions, 'services'> & { config?: Record<string, unknown>; deps?: Partial<Deps> } = {}): TestServer {
  const t = useTestDatabase({ config: options.config });
  const mail = new MemoryMailTransport();
  const blobs = new MemoryBlobStore();
  let app: FastifyInstance | undefined;
  let api: Services | undefined;
  beforeAll(async () => {
    api = createServices({ ...t.deps, mailer: mail, blobs, ...options.deps });
    const { config: _config, deps: _deps, ...serverOptions } = options;
    app = await buildServer({ rateLimitPerMinute: false, ...serverOptions, services: api });
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

/** A 1×1 PNG: a file every attachment allowlist accepts. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4ae0000000049454e44ae426082', 'hex');

/** A multipart/form-data body with one file in the field `file`. */
export function multipart(filename: string, bytes: Buffer, boundary = 'nexusboundary'): { payload: Buffer; headers: Record<string, string> } {
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface ServeProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  stderr(): string;
  /** SIGTERM, then waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the built `nexus serve --port 0` and waits (with a deadline) for its `listening on` line. */
export function spawnServe(env: Record<string, string>, args: string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, [NEXUS_BIN, 'serve', '--host', '127.0.0.1', '--port', '0', ...args], {
    env: { ...process.env, NO_COLOR: '1', NEXUS_LOG_LEVEL: 'warn', ...env } as NodeJS.ProcessEnv,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nexus serve did not start in 30 s:\n${err}`)), 30_000);
    child.stderr.on('data', (chunk) => {
      err += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(err);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          child,
          stderr: () => err,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`nexus serve exited with ${code} before listening:\n${err}`));
    });
  });
}

/** fetch() against a running server, JSON in and out. */
export async function http(url: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}
