import { describe, expect, it } from 'vitest';
import { detectAutoReply, detectBounce, noAutoReplyReason } from './classify.js';
import { parseMail } from './parse-mail.js';

const mail = (headers: Record<string, string>, body = 'Hello,\r\nplease help.\r\n', contentType = 'text/plain; charset=utf-8') =>
  parseMail(
    Buffer.from(
      [
        ...Object.entries({ From: 'Pat Doe <pat@customer.test>', To: 'support@desk.test', Subject: 'Printer jam', 'Message-ID': '<m1@customer.test>', Date: 'Mon, 23 Nov 2026 10:00:00 +0000', 'MIME-Version': '1.0', 'Content-Type': contentType, ...headers }).map(
          ([k, v]) => `${k}: ${v}`,
        ),
        '',
        body,
      ].join('\r\n'),
    ),
  );

describe('detectAutoReply (RFC 3834 and real responders)', () => {
  it.each([
    [{ 'Auto-Submitted': 'auto-replied' }, 'auto-submitted: auto-replied'],
    [{ 'Auto-Submitted': 'Auto-Replied; owner-email="x@y.test"' }, 'auto-submitted: auto-replied'],
    [{ Precedence: 'auto_reply' }, 'precedence: auto_reply'],
    [{ 'X-Autoreply': 'yes' }, 'x-autoreply'],
    [{ 'X-Autorespond': 'Out of office' }, 'x-autorespond'],
    [{ 'X-Apple-Action': 'vacation' }, 'x-apple-action: vacation'],
    [{ 'X-Auto-Response-Suppress': 'All', 'X-MS-Exchange-Inbox-Rules-Loop': 'pat@customer.test' }, 'exchange inbox rule reply'],
  ])('recognises headers %o', async (headers, reason) => {
    expect(detectAutoReply(await mail(headers))).toBe(reason);
  });

  it.each([
    'Automatic reply: Printer jam',
    'Automatische Antwort: Druckerstau',
    'Abwesenheitsnotiz: Druckerstau',
    'Réponse automatique : Bourrage',
    'Respuesta automática: Atasco',
    'Resposta automática: Papel',
    'Risposta automatica: Carta',
    'Automatisch antwoord: Papier',
    'Autosvar: Papper',
    'Automatiskt svar: Papper',
    'Automatisk svar: Papir',
    'Out of Office: Printer jam',
    'Auto: Printer jam',
    'AutoReply: Printer jam',
    'Odpowiedź automatyczna: Papier',
    'Automaattinen vastaus: Paperi',
    'Автоматический ответ: Принтер',
    '自動返信: プリンター',
  ])('recognises the localised responder subject %s with no headers', async (subject) => {
    expect(detectAutoReply(await mail({ Subject: subject }))).toBe('auto-reply subject');
  });

  it('reads responder body text only on replies, so a new mail that mentions being out of office is human', async () => {
    const body = "I'm out of the office until Monday with limited access to email.\r\n";
    expect(detectAutoReply(await mail({ Subject: 'Re: [#1042] Printer jam', 'In-Reply-To': '<x@desk.test>' }, body))).toBe('auto-reply text');
    expect(detectAutoReply(await mail({ Subject: 'Printer jam' }, body))).toBeNull();
  });

  it('keeps human mail, including subjects that merely contain the words', async () => {
    expect(detectAutoReply(await mail({ Subject: 'Re: automatic reply settings do not save' }))).toBeNull();
    expect(detectAutoReply(await mail({ Subject: 'Question about the out of office feature' }))).toBeNull();
    expect(detectAutoReply(await mail({ 'Auto-Submitted': 'no' }))).toBeNull();
    // X-Auto-Response-Suppress is the sender's request, not proof of automation.
    expect(detectAutoReply(await mail({ 'X-Auto-Response-Suppress': 'All' }))).toBeNull();
  });
});

describe('noAutoReplyReason (the ticket is created, nothing is sent back)', () => {
  it.each([
    [{ 'Auto-Submitted': 'auto-generated' }, 'auto-submitted: auto-generated'],
    [{ Precedence: 'bulk' }, 'precedence: bulk'],
    [{ Precedence: 'list' }, 'precedence: list'],
    [{ Precedence: 'junk' }, 'precedence: junk'],
    [{ 'List-Id': 'Users <users.lists.test>' }, 'list-id'],
    [{ 'List-Unsubscribe': '<mailto:leave@lists.test>' }, 'list-unsubscribe'],
    [{ 'Return-Path': '<>' }, 'null return path'],
    [{ From: 'Shop <no-reply@shop.test>' }, 'no-reply sender'],
    [{ From: 'donotreply@shop.test' }, 'no-reply sender'],
    [{ 'X-Auto-Response-Suppress': 'OOF, AutoReply' }, 'x-auto-response-suppress: OOF, AutoReply'],
  ])('%o', async (headers, reason) => {
    expect(noAutoReplyReason(await mail(headers))).toBe(reason);
  });

  it('lets an ordinary customer mail be answered', async () => {
    expect(noAutoReplyReason(await mail({ 'Return-Path': '<pat@customer.test>', 'Auto-Submitted': 'no', 'X-Auto-Response-Suppress': 'None' }))).toBeNull();
  });
});

describe('detectBounce (RFC 3464, Exchange NDRs)', () => {
  it('reads a multipart/report DSN: failed recipient, status, the original Message-ID', async () => {
    const boundary = 'b1';
    const body = [
      `--${boundary}`,
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      `--${boundary}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.desk.test',
      '',
      'Final-Recipient: rfc822; gone@customer.test',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
      `--${boundary}`,
      'Content-Type: text/rfc822-headers',
      '',
      'Message-ID: <nexus.1042.abc@desk.test>',
      'Subject: Re: [#1042] Printer jam',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const bounce = detectBounce(await mail({ From: 'Mail Delivery System <MAILER-DAEMON@mx.desk.test>', 'Return-Path': '<>', Subject: 'Undelivered Mail Returned to Sender' }, body, `multipart/report; report-type=delivery-status; boundary="${boundary}"`));
    expect(bounce).toMatchObject({ failed: [{ address: 'gone@customer.test', status: '5.1.1' }], originalIds: ['nexus.1042.abc@desk.test'], originalSubject: 'Re: [#1042] Printer jam' });
  });

  it('recognises an Exchange text NDR with localised subject and its quoted original headers', async () => {
    const body = 'Delivery has failed to these recipients:\r\n\r\nOriginal message headers:\r\n\r\nMessage-ID: <orig-1@desk.test>\r\nSubject: Re: [#7] Hi\r\n';
    const bounce = detectBounce(await mail({ From: 'postmaster@customer.test', Subject: 'Onbestelbaar: Re: [#7] Hi', 'X-MS-Exchange-Message-Is-Ndr': '' }, body));
    expect(bounce?.originalIds).toEqual(['orig-1@desk.test']);
    const byHeader = detectBounce(await mail({ From: 'Microsoft Outlook <someone@customer.test>', Subject: 'Non remis : Hi', 'X-MS-Exchange-Message-Is-Ndr': '' }, body));
    expect(byHeader?.reason).toBe('x-ms-exchange-message-is-ndr');
  });

  it('leaves human mail that talks about delivery alone', async () => {
    expect(detectBounce(await mail({ Subject: 'My parcel was undeliverable' }))).toBeNull();
  });
});
