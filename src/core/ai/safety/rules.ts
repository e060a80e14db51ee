/** One detection rule: a named signal and a pattern over the normalised text (see normalise.ts). */
export interface Rule {
  signal: string;
  pattern: RegExp;
  /** Which form of the text to test: folded (default), folded + de-leeted, or visible (original case). */
  on?: 'folded' | 'deleeted' | 'visible';
  /** Extra pattern that must ALSO match somewhere in the text. */
  requires?: RegExp;
  /**
   * issue 13: word classes that must ALL match the same sentence as `pattern` (verbs × objects, so a
   * rule generalises over phrasings). With `all`, the rule is tested sentence by sentence.
   */
  all?: RegExp[];
  /** issue 13: the rule does not count where this matches (the sentence with `all`, else the text). */
  unless?: RegExp;
  /** issue 13: the rule does not count when this matches anywhere in the text (e.g. a how-to question in another sentence). */
  unlessText?: RegExp;
}

/** `[^.?!\n]{0,n}`: up to n characters within the same sentence. */
export const near = (n: number) => `[^.?!\\n]{0,${n}}`;

/** Builds a case-insensitive, Unicode regex from parts. */
export const rx = (...parts: string[]) => new RegExp(parts.join(''), 'iu');
