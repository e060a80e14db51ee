import { createHash } from 'node:crypto';
import type { FastifyInstance, onResponseAsyncHookHandler, onSendAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import { NexusError } from '../../core/errors.js';
import type { Services } from '../../core/services.js';

export const IDEMPOTENCY_HOURS = 24;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${url}\n${JSON.stringify(body ?? null)}`).digest('hex');
}

/**
 * `Idempotency-Key` on creating POSTs, scoped per user and kept 24 h: the first request claims the key
 * (one INSERT … ON CONFLICT DO NOTHING, so concurrent requests race on the primary key, not in memory);
 * a repeat with the same body gets the stored answer, with another body 422, while the first is still
 * running 409. A 5xx frees the key so the client can retry; a claim left unanswered past the lease
 * (`idempotencyLeaseSeconds`: its process died between claiming and answering) is taken over by a retry.
 */
export function registerIdempotency(app: FastifyInstance, services: Services): void {
  const { db, clock } = services.deps;
  app.decorateRequest('idempotencyKey', null);

  const claim: preHandlerAsyncHookHandler = async (request, reply) => {
    if (!request.auth) return;
    const raw = request.headers['idempotency-key'];
    if (raw === undefined) return;
    if (typeof raw !== 'string' || !KEY_PATTERN.test(raw)) {
      throw new NexusError('VALIDATION_FAILED', 'The Idempotency-Key header must be 1–255 visible ASCII characters', { details: [{ path: 'headers.idempotency-key', message: 'must be 1–255 visible ASCII characters' }] });
    }
    const userId = request.auth.actor.id;
    const hash = requestHash(request.method, request.url, request.body);
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + IDEMPOTENCY_HOURS * 3_600_000);
    // Keys older than 24 h are forgotten; clearing the user's expired ones keeps the table bounded.
    await db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
    const claimed = await db
      .insertInto('idempotency_keys')
      .values({ user_id: userId, key: raw, method: request.method, path: request.url, request_hash: hash, created_at: now, expires_at: expiresAt })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (claimed) {
      request.idempotencyKey = raw;
      return;
    }
    // A claim never answered within the lease belongs to a request whose process died (SIGKILL, crash,
    // lost database): this retry takes it over and runs the request again.
    const leaseStart = new Date(now.getTime() - services.deps.config.idempotencyLeaseSeconds * 1000);
    const retaken = await db
      .updateTable('idempotency_keys')
      .set({ created_at: now, expires_at: expiresAt })
      .where('user_id', '=', userId)
      .where('key', '=', raw)
      .where('request_hash', '=', hash)
      .where('status_code', 'is', null)
      .where('created_at', '<=', leaseStart)
      .returning('key')
      .executeTakeFirst();
    if (retaken) {
      request.idempotencyKey = raw;
      return;
    }
    const existing = await db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', raw).executeTakeFirst();
    if (!existing) throw new NexusError('IDEMPOTENCY_IN_FLIGHT', 'A request with this Idempotency-Key is being processed; retry shortly', { retryAfterSeconds: 1 });
    if (existing.request_hash !== hash) {
      throw new NexusError('IDEMPOTENCY_MISMATCH', 'This Idempotency-Key was already used with a different request', { hint: 'Use a new key for a new request.' });
    }
    if (existing.status_code === null) {
      throw new NexusError('IDEMPOTENCY_IN_FLIGHT', 'A request with this Idempotency-Key is still being processed; retry shortly', { retryAfterSeconds: 1 });
    }
    reply.header('idempotent-replayed', 'true');
    return reply.code(existing.status_code).type('application/json; charset=utf-8').send(existing.response ?? '');
  };

  const store: onSendAsyncHookHandler = async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (!key || !request.auth) return payload;
    request.idempotencyKey = null;
    const userId = request.auth.actor.id;
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).execute();
      return payload;
    }
    await db
      .updateTable('idempotency_keys')
      .set({ status_code: reply.statusCode, response: payload })
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .execute();
    return payload;
  };

  const release: onResponseAsyncHookHandler = async (request) => {
    // The answer never got to onSend (socket closed, crash in a hook): free the key.
    if (request.idempotencyKey && request.auth) {
      await db.deleteFrom('idempotency_keys').where('user_id', '=', request.auth.actor.id).where('key', '=', request.idempotencyKey).execute();
    }
  };

  // Hooks of the routes that accept the header only (`config.idempotent`): every other route, the lists
  // included, would pay three async hooks per request for nothing (issue 14's profile).
  app.addHook('onRoute', (route) => {
    if (!route.config?.idempotent) return;
    route.preHandler = [...hooksOf(route.preHandler), claim];
    route.onSend = [...hooksOf(route.onSend), store];
    route.onResponse = [...hooksOf(route.onResponse), release];
  });
}

/** A route option's hooks as a list (it may hold none, one, or several). */
function hooksOf<H>(hooks: H | H[] | undefined): H[] {
  return hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];
}
