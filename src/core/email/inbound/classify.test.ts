import { describe, expect, it } from 'vitest';
import { detectAutoReply, detectBounce, isReply, leadSentence, noAutoReplyReason, token } from './classify.js';
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
    expect(detectAutoReply(await mail({ Subject: 'Re: [#1042] Printer jam', 'In-Reply-To': '<x@desk.test>' }, body))).toBe('absence note text');
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

describe('RFC 3834 keywords with comments and parameters (RFC 5322 §3.2.2)', () => {
  it('reads "auto-replied (vacation)" (Dovecot Pigeonhole) and "auto-generated (failure)" (Sendmail) as their keyword', async () => {
    expect(token('auto-replied (vacation)')).toBe('auto-replied');
    expect(token('Auto-Generated (failure); x=y')).toBe('auto-generated');
    expect(detectAutoReply(await mail({ 'Auto-Submitted': 'auto-replied (vacation)', Subject: 'Urlaub bis 1. Dezember' }))).toBe('auto-submitted: auto-replied');
    expect(noAutoReplyReason(await mail({ 'Auto-Submitted': 'auto-generated (failure)' }))).toBe('auto-submitted: auto-generated');
  });
});

describe('machine mail that answers ours is an automatic reply (ticket systems mark acks auto-generated)', () => {
  it('auto-generated or bulk mail carrying our token or our Message-ID never reopens the ticket', async () => {
    expect(detectAutoReply(await mail({ 'Auto-Submitted': 'auto-generated', Subject: '[Acme] Re: [#1042] Printer jam' }))).toBe('auto-submitted: auto-generated answering our mail');
    expect(detectAutoReply(await mail({ Precedence: 'bulk', Subject: 'FAC-12 Re: [#1042] Printer jam' }))).toBe('precedence: bulk answering our mail');
    const ours = 'nexus.1042.abcdefabcdef12.0123456789abcdef0123@desk.test';
    expect(detectAutoReply(await mail({ 'Auto-Submitted': 'auto-generated', 'In-Reply-To': `<${ours}>`, Subject: 'Your request was logged' }))).toBe('auto-submitted: auto-generated answering our mail');
  });

  it('leaves machine notifications that answer nothing of ours, and list mail with our token, to the ticket rules', async () => {
    expect(detectAutoReply(await mail({ 'Auto-Submitted': 'auto-generated', Subject: 'Alert: CPU above 90 %' }))).toBeNull();
    expect(detectAutoReply(await mail({ Precedence: 'list', 'List-Id': 'x <x.lists.test>', Subject: 'Re: [#1042] Printer jam' }))).toBeNull();
  });
});

describe('read receipts (RFC 8098 message disposition notifications)', () => {
  it('are automatic replies, whatever the subject says', async () => {
    const body = ['--m', 'Content-Type: text/plain', '', 'Your message was read.', '--m', 'Content-Type: message/disposition-notification', '', 'Final-Recipient: rfc822;pat@customer.test', 'Disposition: manual-action/MDN-sent-manually; displayed', '--m--', ''].join('\r\n');
    expect(detectAutoReply(await mail({ Subject: 'Gelesen: Re: [#7] Drucker' }, body, 'multipart/report; report-type=disposition-notification; boundary="m"'))).toBe('read receipt (message/disposition-notification)');
  });
});

describe('header-less responders: more locales, and words that are not responders', () => {
  it.each([
    'Abwesend: Export bricht ab',
    'Afwezigheidsbericht: Re: [#4] Planning',
    'Nieobecność: Re: [#4] Planning',
    '不在のお知らせ (11/18〜11/25)',
    '自动答复: 发票问题',
    '자동 회신: 문의',
    'Ausente do escritório',
    'Fuori ufficio',
    'Frånvaro: Faktura',
    '[Auto-Reply] Re: Printer jam',
    '(Out of Office) Printer jam',
    'OOO until 4 December',
    'Autoresponder: Printer jam',
  ])('recognises %s', async (subject) => {
    expect(detectAutoReply(await mail({ Subject: subject }))).toBe('auto-reply subject');
  });

  it.each(['Absence management module broken', 'On leave requests export fails', 'Abwesenheit im Kalender falsch', 'Ausente el botón de pago', 'Away team roster', '[Autoscaling] pods restart', 'Oookla speed test'])('keeps the human subject %s', async (subject) => {
    expect(detectAutoReply(await mail({ Subject: subject }))).toBeNull();
  });

  it.each([
    ['Dutch', 'Bedankt voor uw bericht. Ik ben tot en met 4 december niet op kantoor.'],
    ['Polish', 'Dziękuję za wiadomość. Jestem na urlopie do 7 grudnia.'],
    ['Italian', "Buongiorno,\r\n\r\nsarò assente dall'ufficio fino al 2 dicembre."],
    ['Portuguese', 'Olá,\r\n\r\nEstou ausente do escritório até 30/11.'],
    ['Japanese', 'メールありがとうございます。\r\n誠に勝手ながら、11月25日まで不在にしております。'],
  ])('reads a %s absence note at the top of a reply', async (_language, body) => {
    expect(detectAutoReply(await mail({ Subject: 'Re: [#4] Planning' }, body))).toBe('absence note text');
  });

  it('reads acknowledgement text only with a sign that it is automatic (a reference, a promise, "do not reply")', async () => {
    const ack = 'Dear customer,\r\n\r\nWe would like to acknowledge that we have received your request and a ticket has been created.\r\nA representative will get back to you within 24 hours.\r\n';
    expect(detectAutoReply(await mail({ Subject: 'Re: [#9] Reminders sent twice' }, ack))).toBe('acknowledgement text');
    expect(detectAutoReply(await mail({ Subject: 'Ticket Received - Re: [#9] Reminders sent twice' }))).toBe('acknowledgement text');
    const human = 'Hi,\r\n\r\nwe have received your request for the log files, they are attached now.\r\n\r\nPat\r\n';
    expect(detectAutoReply(await mail({ Subject: 'Re: [#9] Reminders sent twice' }, human))).toBeNull();
  });

  it('reads an absence note with a subject of its own and no thread headers when both subject and text say so', async () => {
    const note = "Bonjour,\r\n\r\nJe suis absente du cabinet jusqu'au 27 novembre inclus.\r\n";
    expect(detectAutoReply(await mail({ Subject: 'Absence du 23 au 27 novembre' }, note))).toBe('absence note text');
    expect(detectAutoReply(await mail({ Subject: 'Urlaub bis 1. Dezember' }, 'Ich bin bis zum 1. Dezember im Urlaub.\r\n'))).toBe('absence note text');
    expect(detectAutoReply(await mail({ Subject: "Absence du salarié non enregistrée" }, "Bonjour,\r\nl'absence de Paul n'apparaît pas dans le planning.\r\n"))).toBeNull();
    expect(detectAutoReply(await mail({ Subject: 'Synchronisation agenda' }, note))).toBeNull();
  });

  it('takes the absence sentence only as the first thing the note says, so a person mentioning a holiday stays human', async () => {
    expect(leadSentence('Hi Pat,\r\n\r\nThank you for your email. I am out of the office until 4 December. Urgent: call 555.')).toBe('I am out of the office until 4 December.');
    expect(leadSentence('Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 27.11. nicht im Haus. Gruß')).toBe('Ich bin bis einschließlich 27.11. nicht im Haus.');
    const human = "Thanks, the new driver works! I'm on holiday from tomorrow, so please write to Eva.\r\n";
    expect(detectAutoReply(await mail({ Subject: 'Re: [#4] Labels print blank', 'In-Reply-To': '<a@b.test>' }, human))).toBeNull();
  });

  it('never reads the text of a first mail, which may well say that its writer is away', async () => {
    expect(detectAutoReply(await mail({ Subject: 'Delivery address' }, 'I will be on vacation next week, please ship to my office.\r\n'))).toBeNull();
    expect(isReply(await mail({ Subject: 'Delivery address' }))).toBe(false);
    expect(isReply(await mail({ Subject: '回复: 发票' }))).toBe(true);
    expect(isReply(await mail({ Subject: 'Hello', References: '<a@b.test>' }))).toBe(true);
  });
});

describe('bounces without an RFC 3464 part', () => {
  it('takes X-Failed-Recipients (Exim, Gmail) as a bounce and its addresses as the failed recipients', async () => {
    const bounce = detectBounce(await mail({ From: 'Mail Delivery <bounces-x@relay.test>', Subject: 'Mail delivery failed', 'X-Failed-Recipients': 'gone@customer.test' }, 'SMTP error: 550 5.1.1 mailbox unavailable\r\n'));
    expect(bounce).toMatchObject({ reason: 'x-failed-recipients', failed: [{ address: 'gone@customer.test', status: '5.1.1' }] });
  });

  it("recognises Exchange's system mailbox and a text NDR by its technical lines", async () => {
    expect(detectBounce(await mail({ From: 'Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@customer.test>', Subject: 'Undeliverable: Hi' }))?.reason).toMatch(/^sender /);
    const text = "Your message to a@customer.test couldn't be delivered.\r\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'\r\n";
    expect(detectBounce(await mail({ From: 'Mail System <mail@customer.test>', Subject: 'Undeliverable: Hi' }, text))?.reason).toBe('non-delivery report subject');
  });

  it('does not take a customer writing about an undeliverable parcel for a bounce', async () => {
    expect(detectBounce(await mail({ Subject: 'Undeliverable parcel' }, "The courier says it couldn't be delivered to my address.\r\n"))).toBeNull();
  });
});
