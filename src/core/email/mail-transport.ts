/** One outgoing mail, as the core composes it. Transports add the envelope and encoding. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  from?: string;
  /** Extra headers (Message-ID, In-Reply-To, Auto-Submitted, …). */
  headers?: Record<string, string>;
}

export interface SentMail extends OutgoingMail {
  id: string;
  sentAt: string;
}

/** The mail port: SMTP, a provider API, the outbox folder or the in-memory fake sit behind it. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ id: string }>;
}

/** The fake for tests: keeps every mail in `sent`. */
export class MemoryMailTransport implements MailTransport {
  readonly sent: SentMail[] = [];
  private counter = 0;

  async send(mail: OutgoingMail): Promise<{ id: string }> {
    const id = `mem-${++this.counter}`;
    this.sent.push({ ...mail, id, sentAt: new Date().toISOString() });
    return { id };
  }

  last(): SentMail | undefined {
    return this.sent.at(-1);
  }
}
