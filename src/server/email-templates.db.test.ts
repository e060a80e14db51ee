import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../core/email/templates/templates.js';
import { useTestServer } from '../../test/support/server.js';

const t = useTestServer({ config: { publicUrl: 'https://desk.example.com/', companyName: 'ACME <Support>' } });

describe('mail templates', () => {
  it('fills {{variables}} raw in text and HTML-escaped in the HTML part', () => {
    const out = renderTemplate({ subject: 'Re: [#{{ticket.number}}] {{ticket.subject}}', body: 'Hi {{customer.name}},\n{{message.body}}', enabled: true }, { 'ticket.number': 7, 'ticket.subject': 'A\r\nBcc: x@evil.test', 'customer.name': '<script>alert(1)</script>', 'message.body': 'Use <b>this</b> & that' });
    expect(out.subject).toBe('Re: [#7] A Bcc: x@evil.test');
    expect(out.text).toContain('<script>alert(1)</script>');
    expect(out.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out.html).toContain('Use &lt;b&gt;this&lt;/b&gt; &amp; that');
    expect(out.html).not.toContain('<script>');
  });

  it('lists, edits, refuses unknown variables, previews against a ticket and resets, through the API', async () => {
    const admin = await t.user('admin');
    const customer = await t.user('customer', 'pat@customer.test', { name: 'Pat <b>Doe</b>' });
    const { ticket } = await t.services.tickets.create(customer, { subject: 'Printer', message: 'It jams' });
    const token = (await t.login(admin)).accessToken;
    const list = await t.as(token, { method: 'GET', url: '/v1/email-templates' });
    expect(list.json()).toMatchObject({ nextCursor: null });
    expect(list.json().items.map((i: { key: string }) => i.key)).toEqual(['ack', 'agent_reply', 'closed', 'password_reset']);
    const bad = await t.as(token, { method: 'PATCH', url: '/v1/email-templates/ack', payload: { body: 'Hi {{customer.nmae}}' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body');
    const edited = await t.as(token, { method: 'PATCH', url: '/v1/email-templates/ack', payload: { body: 'Got it, {{customer.name}}: #{{ticket.number}} from {{company.name}}' } });
    expect(edited.json()).toMatchObject({ key: 'ack', isDefault: false, enabled: true });
    const preview = await t.as(token, { method: 'POST', url: '/v1/email-templates/ack/preview', payload: { ticket: ticket.number } });
    expect(preview.json()).toMatchObject({ ticketNumber: ticket.number, text: `Got it, Pat <b>Doe</b>: #${ticket.number} from ACME <Support>` });
    expect(preview.json().html).toContain('Pat &lt;b&gt;Doe&lt;/b&gt;');
    const agent = await t.user('agent');
    const forbidden = await t.as((await t.login(agent)).accessToken, { method: 'GET', url: '/v1/email-templates' });
    expect(forbidden.statusCode).toBe(403);
    expect((await t.services.email.templates.edit(admin, { key: 'ack', reset: true })).isDefault).toBe(true);
  });

  it('password reset is a real mail with a link built from the public URL', async () => {
    const customer = await t.user('customer', 'reset@customer.test');
    await t.api.auth.forgotPassword({ email: customer.email });
    const mail = t.mail.last()!;
    expect(mail.to).toBe('reset@customer.test');
    expect(mail.subject).toBe('Reset your ACME <Support> password');
    expect(mail.text).toMatch(/Open https:\/\/desk\.example\.com\/reset-password\?token=\S+/);
    expect(mail.html).toContain('https://desk.example.com/reset-password?token=');
  });
});
