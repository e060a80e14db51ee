/** One outgoing mail, as the core composes it. Transports add the envelope and encoding. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to the text part (customer text in it is HTML-escaped by the composer). */
  html?: string;
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
  /** Resolves with the provider's id for the mail (SES replaces Message-ID with its own). */
  send(mail: OutgoingMail): Promise<{ id: string }>;
  /** Logs in and checks the account without sending (accounts test); absent for local transports. */
  verify?(): Promise<void>;
  close?(): void;
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
