import { describe, expect, it } from 'vitest';
import { guardReply, pastedSecrets } from './guard-reply.js';

// Issue 15: `pastedSecrets` (issue 13 (e)) had no test of its own; the mutation run of guard-reply.ts
// left 23 of its changes alive. Each token shape below follows the vendor's documented format (the
// AWS key is AWS's own documentation example); each near miss is one the rule must leave alone.
describe('pastedSecrets: the rules the mutation run found undecided', () => {
  it.each([
    ['a Stripe-style secret key', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
    ['a publishable key with a dash', 'pk-test12345678901234'],
    ['a GitHub token', 'ghp_A1b2C3d4E5f6G7h8I9j0'],
    ['a GitHub app token', 'ghs_A1b2C3d4E5f6G7h8I9j0'],
    ['an AWS access key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['a Slack bot token', 'xoxb-1234567890-abcdefghij'],
    ['a long random token', 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6'],
  ])('finds %s', (_name, token) => {
    expect(pastedSecrets(`here it is: ${token} thanks`)).toEqual([token]);
  });

  it.each([
    ['a short sk_ string', 'sk_short123'],
    ['an unknown gh prefix', 'ghx_A1b2C3d4E5f6G7h8I9j0'],
    ['an AKIA id one character short', 'AKIAIOSFODNN7EXAMPL'],
    ['an unknown xox prefix', 'xoxz-1234567890-abcdefghij'],
    ['a long word without digits', 'abcdefghijabcdefghijabcdefghijabcdef'],
  ])('leaves alone %s', (_name, text) => {
    expect(pastedSecrets(`here it is: ${text} thanks`)).toEqual([]);
  });

  it.each([
    ['My password is hunter2!!', 'hunter2'],
    ['Passwort: geheim123', 'geheim123'],
    ['password=abc12345', 'abc12345'],
    ['Das Kennwort lautet Sommer2026.', 'Sommer2026'],
    ['mon mot de passe est Soleil99', 'Soleil99'],
    ['mi contraseña es Luna2026', 'Luna2026'],
    ['a senha é Segredo77', 'Segredo77'],
    ['the passcode: "pass.word9."', 'pass.word9'],
    ['password: abc123', 'abc123'],
  ])('takes the labelled password out of "%s", without trailing punctuation', (text, secret) => {
    expect(pastedSecrets(text)).toEqual([secret]);
  });

  it('ignores a labelled value shorter than six characters once its punctuation is gone', () => {
    expect(pastedSecrets('password: abcde!')).toEqual([]);
  });
});

describe('guardReply: a file name is not a look-alike link', () => {
  // Static mutants of the file-extension list (the full mutation run): each optional letter decides.
  it.each(['jpg', 'jpeg', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'htm', 'html'])('reads no host from examp1e.%s', (extension) => {
    const name = `examp1e.${extension}`;
    const result = guardReply(`The attached ${name} is on its way.`, { canaries: [], forbiddenIdentifiers: [], customerMessage: `see ${name}`, allowedDomains: ['example.com'] });
    expect(result.reasons).toEqual([]);
  });
});
