import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.js';

const t = useTestDatabase();
const MAILBOX = 'support@desk.test';

const customerMail = new Uint8Array(
  Buffer.from(['From: Pat Doe <pat@customer.test>', `To: ${MAILBOX}`, 'Subject: Printer jam', 'Message-ID: <p1@customer.test>', 'Date: Mon, 23 Nov 2026 10:00:00 +0000', 'Content-Type: text/plain; charset=utf-8', '', 'It jams.'].join('\r\n')),
);

/** A DSN (RFC 3464) about our mail `original`, one recipient with `action` and `status`. */
function dsn(id: string, original: { messageId: string; subject: string }, action: string, status: string) {
  const b = 'dsn-boundary';
  return new Uint8Array(
    Buffer.from(
      [
        'From: Mail Delivery System <MAILER-DAEMON@mx.customer.test>',
        'Return-Path: <>',
        `To: ${MAILBOX}`,
        `Subject: ${action === 'delayed' ? 'Delayed Mail (still being retried)' : 'Undelivered Mail Returned to Sender'}`,
        `Message-ID: <${id}@mx.customer.test>`,
        'Date: Mon, 23 Nov 2026 11:00:00 +0000',
        'MIME-Version: 1.0',
        `Content-Type: multipart/report; report-type=delivery-status; boundary="${b}"`,
        '',
        `--${b}`,
        'Content-Type: text/plain',
        '',
        'This is the mail system at host mx.customer.test.',
        `--${b}`,
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.customer.test',
        '',
        'Final-Recipient: rfc822; pat@customer.test',
        `Action: ${action}`,
        `Status: ${status}`,
        `--${b}`,
        'Content-Type: text/rfc822-headers',
        '',
        `Message-ID: <${original.messageId}>`,
        `Subject: ${original.subject}`,
        `--${b}--`,
        '',
      ].join('\r\n'),
    ),
  );
}

describe('bounces on the original ticket (RFC 3463 classes)', () => {
  it('counts transient 4.x.x and delayed reports apart from permanent 5.x.x ones, and opens nothing', async () => {
    const admin = await t.user('admin');
    const first = await t.services.email.ingest({ mailbox: MAILBOX, raw: customerMail });
    expect(first).toMatchObject({ decision: 'new_ticket', autoReply: true });
    const ack = await t.db.selectFrom('email_outbox').select(['message_id', 'subject']).executeTakeFirstOrThrow();
    const original = { messageId: ack.message_id, subject: ack.subject };

    const results = [
      await t.services.email.ingest({ mailbox: MAILBOX, raw: dsn('d1', original, 'delayed', '4.4.1') }),
      await t.services.email.ingest({ mailbox: MAILBOX, raw: dsn('d2', original, 'failed', '4.2.2') }),
      await t.services.email.ingest({ mailbox: MAILBOX, raw: dsn('d3', original, 'failed', '5.1.1') }),
    ];
    expect(results.map((r) => r.decision)).toEqual(['ignored_bounce', 'ignored_bounce', 'ignored_bounce']);
    expect(results.every((r) => !r.autoReply)).toBe(true);

    const ticket = await t.db.selectFrom('tickets').select('id').where('number', '=', first.ticketNumber!).executeTakeFirstOrThrow();
    expect(await t.db.selectFrom('email_bounce_counts').selectAll().executeTakeFirstOrThrow()).toMatchObject({ ticket_id: ticket.id, transient: 2, permanent: 1, last_status: '5.1.1', last_recipient: 'pat@customer.test' });
    const events = await t.db.selectFrom('ticket_events').select('data').where('ticket_id', '=', ticket.id).where('type', '=', 'email.bounced').orderBy('id').execute();
    expect(events.map((e) => (e.data as { failed: { class: string }[] }).failed.map((f) => f.class))).toEqual([['transient'], ['transient'], ['permanent']]);
    expect(events.at(-1)!.data).toMatchObject({ permanent: true, counts: { transient: 2, permanent: 1 } });

    // No ticket, no message, no mail back for any of them; the status shows the counts.
    expect(await t.db.selectFrom('tickets').select('id').execute()).toHaveLength(1);
    expect(await t.db.selectFrom('messages').select('id').execute()).toHaveLength(1);
    expect(await t.db.selectFrom('email_outbox').select('id').execute()).toHaveLength(1);
    expect((await t.services.email.status(admin)).bounces).toEqual([{ ticketNumber: first.ticketNumber, transient: 2, permanent: 1, lastStatus: '5.1.1', lastRecipient: 'pat@customer.test', lastBounceAt: expect.any(String) }]);
  });
});
