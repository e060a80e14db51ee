import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/access/permissions.js';
import type { VerifiedToken } from '../../core/auth/access-tokens.js';
import { NexusError } from '../../core/errors.js';
import type { Services } from '../../core/services.js';
import { startAccessCache } from './access-cache.js';
import { MISSING_TOKEN } from './error-handler.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: VerifiedToken | null;
  }
  interface FastifyContextConfig {
    /** No access token needed (login, register, health, docs). */
    public?: boolean;
    /** Replays the stored answer for a repeated Idempotency-Key. */
    idempotent?: boolean;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_\-.]{10,4096})$/;

/**
 * Every route needs a valid access token unless its config says `public`. Runs before the body is
 * read (so anonymous callers cannot make the server parse large bodies) and after the rate limit (so
 * anonymous floods are counted).
 */
export function registerAuthentication(app: FastifyInstance, services: Services): void {
  app.decorateRequest('auth', null);
  // On a Postgres server, checked tokens are remembered and forgotten when access changes (access-cache.ts).
  const access = startAccessCache(services.deps.config.databaseUrl, () => services.deps.clock.now().getTime());
  if (access) app.addHook('onClose', () => access.stop());
  // Synchronous when the token is remembered (no promise, no microtask turn); asynchronous when it is checked.
  app.addHook('preParsing', (request, _reply, payload, done) => {
    if (request.routeOptions.config?.public || !request.routeOptions.url) return done(null, payload);
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (header === undefined || header === '') {
      return done(new NexusError('UNAUTHENTICATED', MISSING_TOKEN, { hint: 'Send `Authorization: Bearer <accessToken>` from POST /v1/auth/login.' }));
    }
    if (!match) {
      return done(
        new NexusError('UNAUTHENTICATED', 'The Authorization header is malformed: it must be `Bearer <accessToken>`', {
          hint: 'Send `Authorization: Bearer <accessToken>` from POST /v1/auth/login, with one space and nothing else.',
        }),
      );
    }
    const token = match[1]!;
    const remembered = access?.cache.get(token);
    if (remembered) {
      request.auth = remembered;
      return done(null, payload);
    }
    const mark = access?.cache.mark() ?? 0;
    services.auth.verifyAccessToken(token).then(
      (auth) => {
        request.auth = auth;
        access?.cache.remember(token, mark, auth);
        done(null, payload);
      },
      (error: Error) => done(error),
    );
  });
}

/** The acting user of an authenticated route (set by the preParsing hook). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw new NexusError('UNAUTHENTICATED', MISSING_TOKEN);
  return request.auth.actor;
}
