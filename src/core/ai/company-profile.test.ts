import { describe, expect, it } from 'vitest';
import { companyProfile, publishedContacts } from './company-profile.js';
import { replyFilters } from './filters.js';
import { renderSystemPrompt } from './prompt.js';

const profile = companyProfile({
  companyName: 'Acme Support',
  companyEmails: ['help@acme.example'],
  companyPhones: ['+1 800 555 0100'],
  companyUrls: ['https://acme-status.example/now', 'acme.example'],
});

describe('the company profile (issue 8 item 8, acceptance 3)', () => {
  it.each(['+1 800 555 0100', '1-800-555-0100', '(800) 555-0100', '800.555.0100'])(
    'Given companyPhones, when a reply gives the hotline as %j, then the redactor keeps it',
    (hotline) => {
      const reply = `Call us on ${hotline} any time.`;
      const result = replyFilters.redact(reply, { allowedEmails: profile.emails, allowedPhones: profile.phones });
      expect(result.text).toBe(reply);
      expect(result.findings).toEqual([]);
    },
  );

  it("Given companyPhones, when a reply carries a customer's number, then it is still removed", () => {
    const result = replyFilters.redact('Call us on 1-800-555-0100; we will ring you on +1 415 555 0199.', { allowedEmails: profile.emails, allowedPhones: profile.phones });
    expect(result.text).toBe('Call us on 1-800-555-0100; we will ring you on [phone number removed].');
    expect(result.findings.map((f) => f.type)).toEqual(['phone']);
  });

  it('Given a company name and contacts, when the prompt is written, then it names the company and every published contact', () => {
    const prompt = renderSystemPrompt({ company: profile.name ?? 'our company', canary: 'C', contacts: publishedContacts(profile) });
    expect(prompt).toContain('support assistant of Acme Support.');
    expect(prompt).not.toContain('our company');
    for (const contact of ['help@acme.example', '+1 800 555 0100', 'https://acme-status.example/now']) expect(prompt).toContain(contact);
  });

  it('Given companyUrls, then their hosts join the email domains the output guard allows', () => {
    expect(profile.domains.sort()).toEqual(['acme-status.example', 'acme.example']);
    const check = (companyDomains: string[]) =>
      replyFilters.guard('See https://acme-status.example/now for updates.', {
        canary: 'CANARY-SYS-test',
        foreignIdentifiers: [],
        customerMessage: 'Is https://acme-status.example/now down?',
        companyEmails: profile.emails,
        companyDomains,
      });
    // Without the profile the look-alike of acme.example is refused; with it, it is the company's own site.
    expect(check([]).reasons).toEqual(['echoed_link']);
    expect(check(profile.domains).blocked).toBe(false);
  });

  it('Given no name, then the profile says so with null', () => {
    expect(companyProfile({ companyEmails: [], companyPhones: [], companyUrls: [] }).name).toBeNull();
  });
});
