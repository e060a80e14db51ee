import { afterAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../support/cli.js';

const sandbox = new CliSandbox({ NEXUS_COMPANY_EMAILS: 'help@acme.example,billing@acme.example' });
afterAll(() => sandbox.cleanup());

describe('nexus ai redact', () => {
  it('Given a reply on stdin, When redacted, Then it prints the text with placeholders and keeps company addresses', async () => {
    const input = 'Write to kim.lee@example.net or HELP@acme.example; card 4012 8888 8888 1881, order 58213097.\n';
    const result = await sandbox.run(['ai', 'redact'], { input });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Write to [email removed] or HELP@acme.example; card [card number removed], order 58213097.\n');
  });

  it('Given --json, Then it prints the text and the findings with offsets into the input', async () => {
    const input = 'From 198.51.100.23, call +1 415 555 0142. Damn fine, no shit.';
    const result = await sandbox.run(['ai', 'redact', '--json'], { input });
    expect(result.code).toBe(0);
    expect(result.json()).toEqual({
      text: 'From [IP address removed], call [phone number removed]. Damn fine, no [expletive removed].',
      findings: [
        { type: 'ip', start: 5, end: 18 },
        { type: 'phone', start: 25, end: 40 },
        { type: 'profanity', start: 56, end: 60 },
      ],
    });
  });

  it('Given --allow-phone, Then that number is kept in any format', async () => {
    const result = await sandbox.run(['ai', 'redact', '--json', '--allow-phone', '+1 800 555 0199'], { input: 'Call (800) 555-0199 or 312-555-0110.' });
    expect(result.json().findings).toEqual([{ type: 'phone', start: 23, end: 35 }]);
  });

  it('Given empty input, Then it prints an empty document', async () => {
    const result = await sandbox.run(['ai', 'redact', '--json'], { input: '' });
    expect(result.code).toBe(0);
    expect(result.json()).toEqual({ text: '', findings: [] });
  });
});
