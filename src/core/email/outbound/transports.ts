import { SendEmailCommand, SESv2Client, GetAccountCommand } from '@aws-sdk/client-sesv2';
import { Client as SendGridClient } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { MailTransport, OutgoingMail } from '../mail-transport.js';

/** Splits our header map into what each library takes as options and what stays a raw header. */
function headerParts(mail: OutgoingMail) {
  const headers = { ...(mail.headers ?? {}) };
  const messageId = headers['Message-ID'];
  delete headers['Message-ID'];
  return { messageId, headers };
}

const composerOptions = (mail: OutgoingMail) => {
  const { messageId, headers } = headerParts(mail);
  return { from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId, headers };
};

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string | null;
  password?: string | null;
  /** Tests against a local server with a self-signed certificate. */
  rejectUnauthorized?: boolean;
}

export function smtpTransport(settings: SmtpSettings): MailTransport {
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    tls: { rejectUnauthorized: settings.rejectUnauthorized ?? true },
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      const info = await transporter.sendMail(composerOptions(mail));
      return { id: String(info.messageId ?? '').replace(/^<|>$/g, '') };
    },
    async verify() {
      await transporter.verify();
    },
    close: () => transporter.close(),
  };
}

export interface SendGridSettings {
  apiKey: string;
  baseUrl?: string | null;
}

export function sendgridTransport(settings: SendGridSettings): MailTransport {
  const client = new SendGridClient();
  client.setApiKey(settings.apiKey);
  if (settings.baseUrl) client.setDefaultRequest('baseUrl', settings.baseUrl);
  const service = new MailService();
  service.setClient(client);
  return {
    async send(mail) {
      const { messageId, headers } = headerParts(mail);
      const [response] = await service.send({
        from: mail.from ?? 'no-reply@localhost',
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
        headers: { ...headers, ...(messageId ? { 'Message-ID': messageId } : {}) },
      });
      const id = response.headers['x-message-id'];
      return { id: typeof id === 'string' ? id : String(messageId ?? '') };
    },
    async verify() {
      await client.request({ method: 'GET', url: '/v3/scopes' });
    },
  };
}

export interface SesSettings {
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  endpoint?: string | null;
}

export function sesTransport(settings: SesSettings): MailTransport {
  const client = new SESv2Client({
    region: settings.region,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    maxAttempts: 1,
  });
  return {
    async send(mail) {
      // The whole MIME message is built here, so our Message-ID, In-Reply-To and References go as written;
      // SES still assigns its own id, which is returned and stored beside ours.
      const raw = await new MailComposer(composerOptions(mail)).compile().build();
      const result = await client.send(new SendEmailCommand({ Content: { Raw: { Data: new Uint8Array(raw) } } }));
      // The Message-ID SES writes into the mail: <id@region.amazonses.com> (email.amazonses.com in us-east-1).
      return { id: result.MessageId ? `${result.MessageId}@${settings.region === 'us-east-1' ? 'email' : settings.region}.amazonses.com` : '' };
    },
    async verify() {
      await client.send(new GetAccountCommand({}));
    },
    close: () => client.destroy(),
  };
}
