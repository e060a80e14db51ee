import { describe, expect, it } from 'vitest';
import { candidateQuery, quoteLexeme } from './fulltext-search.js';

describe('full-text candidates', () => {
  it('Given words of different rarity, Then the rarest choose the candidates while they fit the budget, at least one', () => {
    const terms = [
      { lexeme: 'account', n: 400 },
      { lexeme: 'recoveri', n: 30 },
      { lexeme: 'code', n: 120 },
      { lexeme: 'absent', n: 0 },
    ];
    expect(candidateQuery(terms, 500)).toEqual({ tsquery: "'recoveri' | 'code'", conjunctive: false });
    expect(candidateQuery(terms, 100)).toEqual({ tsquery: "'recoveri'", conjunctive: false });
    expect(candidateQuery(terms, 1000)).toEqual({ tsquery: "'recoveri' | 'code' | 'account'", conjunctive: false });
  });

  it('Given only common words, Then passages with all of them; given no word found, Then no candidates', () => {
    expect(candidateQuery([{ lexeme: 'account', n: 501 }, { lexeme: 'password', n: 501 }], 500)).toEqual({ tsquery: "'account' & 'password'", conjunctive: true });
    expect(candidateQuery([{ lexeme: 'nowher', n: 0 }])).toBeNull();
    expect(candidateQuery([])).toBeNull();
  });

  it('Given a lexeme with quotes or backslashes, Then it is quoted as one tsquery operand', () => {
    expect(quoteLexeme("o'brien")).toBe("'o''brien'");
    expect(quoteLexeme('a\\b')).toBe("'a\\\\b'");
  });
});
