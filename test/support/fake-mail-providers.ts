import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** Raw RFC 5322 messages a fake received, oldest first. */
export interface Delivered {
  to: string[];
  raw: Buffer;
}

/** A local SMTP server (smtp-server) that accepts any login and keeps every message. */
export class FakeSmtp {
  readonly delivered: Delivered[] = [];
  port = 0;
  /** When set, every message is refused with this SMTP reply code. */
  failWith: number | null = null;
  private server?: SMTPServer;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.failWith) {
            const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: this.failWith });
            callback(error);
            return;
          }
          this.delivered.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/**
 * Local HTTP fakes of SendGrid (POST /v3/mail/send, GET /v3/scopes) and SES v2
 * (POST /v2/email/outbound-emails, GET /v2/email/account), driven through the official SDKs.
 */
export class FakeMailApi {
  readonly sendgrid: { body: Record<string, unknown>; authorization: string | undefined }[] = [];
  readonly ses: { raw: Buffer }[] = [];
  /** When set, every call answers this status. */
  failWith: number | null = null;
  baseUrl = '';
  private server?: Server;
  private counter = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (this.failWith) {
          res.writeHead(this.failWith, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'provider down' }], message: 'provider down' }));
          return;
        }
        const id = `fake-${++this.counter}`;
        if (req.method === 'POST' && req.url === '/v3/mail/send') {
          this.sendgrid.push({ body: JSON.parse(body) as Record<string, unknown>, authorization: req.headers.authorization });
          res.writeHead(202, { 'x-message-id': id }).end();
        } else if (req.method === 'GET' && req.url === '/v3/scopes') {
          res.writeHead(req.headers.authorization === 'Bearer SG.good' ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify({ scopes: ['mail.send'] }));
        } else if (req.method === 'POST' && req.url === '/v2/email/outbound-emails') {
          const parsed = JSON.parse(body) as { Content: { Raw: { Data: string } } };
          this.ses.push({ raw: Buffer.from(parsed.Content.Raw.Data, 'base64') });
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ MessageId: `0100${id}` }));
        } else if (req.method === 'GET' && req.url === '/v2/email/account') {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ SendingEnabled: true }));
        } else res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/** A SendGrid JSON request rebuilt as the headers a mailbox would see (for threading assertions). */
export function sendgridAsMail(body: Record<string, unknown>): { subject: string; headers: Record<string, string>; text: string; html: string } {
  const personalization = (body.personalizations as { subject?: string; headers?: Record<string, string> }[] | undefined)?.[0] ?? {};
  const content = (body.content as { type: string; value: string }[] | undefined) ?? [];
  return {
    subject: String(body.subject ?? personalization.subject ?? ''),
    headers: { ...(body.headers as Record<string, string> | undefined), ...personalization.headers },
    text: content.find((c) => c.type === 'text/plain')?.value ?? '',
    html: content.find((c) => c.type === 'text/html')?.value ?? '',
  };
}
