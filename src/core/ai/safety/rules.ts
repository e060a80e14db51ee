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

/**
 * Builds a case-insensitive, Unicode regex from parts, compiled on its first use: the rule tables hold
 * hundreds of large multilingual alternations, and compiling them all when the module loads cost every
 * CLI command ~200 ms of start-up, though most commands never classify a message.
 */
export const rx = (...parts: string[]): RegExp => lazyRegExp(parts.join(''), 'iu');

export function lazyRegExp(source: string, flags: string): RegExp {
  let compiled: RegExp | undefined;
  const real = () => (compiled ??= new RegExp(source, flags));
  // A stand-in that is a RegExp to `instanceof` and forwards everything — test, exec, lastIndex, and the
  // Symbol.match/replace/split/search methods String.prototype calls — to the compiled one.
  return new Proxy(Object.create(RegExp.prototype) as RegExp, {
    get(_, key) {
      if (key === 'source') return source;
      if (key === 'flags') return flags;
      const re = real();
      const value = Reflect.get(re, key, re) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(re) : value;
    },
    set(_, key, value) {
      return Reflect.set(real(), key, value);
    },
  });
}
