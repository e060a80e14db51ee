import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passesLuhn } from './checksums.js';
import { redact } from './redact.js';

/** Appends the Luhn check digit to a digit string. */
function withLuhnDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return body + d;
  throw new Error('unreachable');
}

const words = fc.array(fc.constantFrom('the', 'order', 'shipped', 'on', 'Monday', 'thanks', 'your', 'plan', '2026-11-03', 'v2.1.0', '$14.99', 'seats'), { maxLength: 8 }).map((w) => w.join(' '));

describe('redact: properties', () => {
  it('findings are sorted, inside the text and never overlap; placeholders are never redacted again', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const { text: out, findings } = redact(text);
        findings.forEach((f, i) => {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeLessThan(f.end);
          if (i > 0) expect(f.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
        });
        expect(redact(out).findings.filter((f) => out.slice(f.start, f.end).startsWith('['))).toEqual([]);
      }),
    );
  });

  it('a Luhn-valid 16-digit Visa in any grouping is found with its exact span', () => {
    fc.assert(
      fc.property(words, fc.stringMatching(/^\d{14}$/), fc.constantFrom('', ' ', '-'), words, (before, middle, sep, after) => {
        const digits = withLuhnDigit(`4${middle}`);
        const card = sep ? digits.match(/.{4}/g)!.join(sep) : digits;
        const text = `${before} card ${card}. ${after}`;
        const start = before.length + 6;
        expect(redact(text).findings).toContainEqual({ type: 'card', start, end: start + card.length });
      }),
    );
  });

  it('the same digits failing Luhn are never a card', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{14}$/), (middle) => {
        const valid = withLuhnDigit(`4${middle}`);
        const invalid = valid.slice(0, 15) + ((Number(valid[15]) + 1) % 10);
        expect(redact(`Voucher ${invalid} applied.`).findings.filter((f) => f.type === 'card')).toEqual([]);
      }),
    );
  });

  it('an email address built from random parts is found with its exact span', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]([a-z0-9._+-]{0,10}[a-z0-9])?$/), fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'org', 'test', 'example'), (local, labels, tld) => {
        fc.pre(!/\.\./.test(local));
        const email = `${local}@${labels.join('.')}.${tld}`;
        const text = `Please write to ${email}.`;
        expect(redact(text).findings).toEqual([{ type: 'email', start: 16, end: 16 + email.length }]);
      }),
    );
  });
});
