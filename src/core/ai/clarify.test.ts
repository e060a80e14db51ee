import { describe, expect, it } from 'vitest';
import { isClarifyingQuestion } from './clarify.js';

describe('isClarifyingQuestion', () => {
  it.each(['Which order number is this about?', '¿De qué pedido se trata?', 'Sorry, could you tell me which page shows the error?', 'Welches Gerät meinen Sie?'])('accepts one short question: %s', (reply) => {
    expect(isClarifyingQuestion(reply)).toBe(true);
  });

  it.each([
    ['an answer', 'You can return it within 30 days.'],
    ['an answer before the question', 'Our warranty is two years. Which device is it?'],
    ['two questions', 'Which device? And since when?'],
    ['a link', 'Did you try https://example.com/help?'],
    ['a long number', 'Is it order 12345678?'],
    ['too long', `${'Could you describe '.repeat(20)}the problem?`],
    ['empty', '   '],
  ])('refuses %s', (_name, reply) => {
    expect(isClarifyingQuestion(reply)).toBe(false);
  });
});
