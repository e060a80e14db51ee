import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/services.js';
import { NexusError } from '../../core/errors.js';
import { WEBHOOK_PROVIDERS, type WebhookProvider } from '../../core/email/inbound/webhook-providers.js';

/**
 * Inbound mail from providers: POST /v1/webhooks/email/{sendgrid,mailgun,postmark,raw}. Public (the
 * provider's signature or shared secret is the credential), read as raw bytes so the signature is
 * checked on exactly what was sent, and capped in size before anything is read into a handler.
 */
export async function webhookRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const limit = Math.ceil(services.deps.config.email.maxMessageBytes * 1.5);
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, (_request, body, done) => done(null, body));
    scope.post<{ Params: { provider: string }; Querystring: { mailbox?: string } }>(
      '/v1/webhooks/email/:provider',
      { bodyLimit: limit, config: { public: true }, schema: { tags: ['email'], summary: 'Receive inbound mail from a provider (sendgrid, mailgun, postmark) or a signed raw RFC 5322 body', security: [], hide: false } as never },
      async (request, reply) => {
        const provider = request.params.provider;
        if (!(WEBHOOK_PROVIDERS as readonly string[]).includes(provider)) throw new NexusError('NOT_FOUND', `No webhook for ${provider}`, { hint: `Use one of ${WEBHOOK_PROVIDERS.join(', ')}.` });
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        // Stored durably, then answered: the background processor ingests it (store, then process).
        const stored = await services.email.receiveWebhook({ provider: provider as WebhookProvider, headers: request.headers, body, mailbox: request.query.mailbox });
        return reply.code(202).send({ id: stored.id, status: stored.status });
      },
    );
  });
}
