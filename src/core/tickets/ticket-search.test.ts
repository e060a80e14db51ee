import { describe, expect, it } from 'vitest';
import { unfold } from './ticket-search.js';

// ts_headline marks, as searchSnippets asks for them.
const S = '\u0001';
const E = '\u0002';

describe('unfold (snippet marks back on the original text)', () => {
  it('maps a headline of the folded text onto the accented original', () => {
    expect(unfold('Le café est fermé', 'Le cafe est ferme', `Le ${S}cafe${E} est ferme`)).toBe('Le **café** est fermé');
  });

  it('handles ligatures that fold to two letters, and an excerpt that starts mid-text', () => {
    const source = 'Wir wohnen in der Hauptstraße. Die Straße ist laut.';
    const folded = 'Wir wohnen in der Hauptstrasse. Die Strasse ist laut.';
    expect(unfold(source, folded, `Die ${S}Strasse${E} ist laut`)).toBe('Die **Straße** ist laut');
    expect(unfold('Œuvre', 'OEuvre', `${S}OEuvre${E}`)).toBe('**Œuvre**');
  });

  it('keeps characters outside the basic plane (emoji) intact', () => {
    expect(unfold('😀 café', '😀 cafe', `😀 ${S}cafe${E}`)).toBe('😀 **café**');
  });

  it('is null when nothing was highlighted, and falls back to the folded excerpt if it cannot be placed', () => {
    expect(unfold('abc', 'abc', 'abc')).toBeNull();
    expect(unfold('abc', 'abc', `x ${S}y${E}`)).toBe('x **y**');
  });
});
