import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { NexusError } from '../core/errors.js';
import type { Services } from '../core/services.js';
import { registerAuthentication } from './plugins/authenticate.js';
import { registerErrorHandler, sendError, toNexusError } from './plugins/error-handler.js';
import { trackRouteMethods } from './plugins/method-not-allowed.js';
import { registerIdempotency } from './plugins/idempotency.js';
import { registerOpenApi } from './plugins/openapi.js';
import { answerIsPrivate, registerRequestHardening } from './plugins/request-hardening.js';
import { requestValidatorCompiler } from './request-validator.js';
import { responseSerializerCompiler } from './response-serializer.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { authRoutes } from './routes/auth.js';
import { healthRoutes } from './routes/health.js';
import { registerTicketRoutes } from './routes/index.js';
import { operationsRoutes } from './routes/operations.js';
import { userRoutes } from './routes/users.js';

export interface ServerOptions {
  services: Services;
  /** false (tests), or pino options; tokens, cookies and bodies are never logged. */
  logger?: FastifyServerOptions['logger'];
  /** Requests per client address per minute (default 600); false turns the limit off (benchmarks). */
  rateLimitPerMinute?: number | false;
  /** Largest JSON body in bytes (default 1 MiB). Uploads have their own limit. */
  bodyLimit?: number;
  /** Reverse proxies whose X-Forwarded-For is believed; default: the `trustProxy` setting (none). */
  trustProxy?: boolean | string[];
}

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** Builds the API (plugins, then routes); call `.listen()` to serve or `.inject()` to test. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { services } = options;
  const config = services.deps.config;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: options.trustProxy ?? (config.trustProxy.length > 0 ? config.trustProxy : false),
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    // Errors before routing (an undecodable URL, a malformed Content-Type) get the same envelope.
    frameworkErrors: (error, _request, reply) => {
      sendError(reply, toNexusError(error) ?? new NexusError('VALIDATION_FAILED', 'The request is malformed'));
    },
  });
  app.setValidatorCompiler(requestValidatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  registerErrorHandler(app, { allowedMethods: trackRouteMethods(app) });
  registerRequestHardening(app);
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // One synchronous hook on every answer: an async one costs a promise and a turn of the microtask queue.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (answerIsPrivate(request)) reply.header('cache-control', 'no-store');
    reply.header('x-request-id', request.id);
    // Shutting down: in-flight answers still go out, and their keep-alive connections close after them.
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  registerSecurityHeaders(app);
  await app.register(cors, {
    // An allowlist from config; none by default, so browsers on other origins get no CORS headers.
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id'],
    exposedHeaders: ['retry-after', 'x-request-id', 'idempotent-replayed'],
    maxAge: 600,
  });
  if (options.rateLimitPerMinute !== false) {
    await app.register(rateLimit, {
      global: true,
      max: options.rateLimitPerMinute ?? 600,
      timeWindow: 60_000,
      keyGenerator: (request) => request.ip,
      errorResponseBuilder: (_request, context) =>
        new NexusError('RATE_LIMITED', `Too many requests; at most ${context.max} per minute`, { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
    });
  }
  await registerOpenApi(app);
  registerAuthentication(app, services);
  registerIdempotency(app, services);

  healthRoutes(app, services);
  authRoutes(app, services);
  await registerTicketRoutes(app, services);
  userRoutes(app, services);
  operationsRoutes(app, services);
  return app;
}
