import { describe, expect, it } from 'vitest';
import { commandFor, KEYMAP, keyName } from './keymap.js';

describe('key map', () => {
  it('names key presses as Ink reports them', () => {
    expect(keyName('', { downArrow: true })).toBe('down');
    expect(keyName('\r', { return: true })).toBe('enter');
    expect(keyName('', { escape: true })).toBe('escape');
    expect(keyName('', { tab: true, shift: true })).toBe('shift+tab');
    expect(keyName('s', { ctrl: true })).toBe('ctrl+s');
    expect(keyName('', { delete: true })).toBe('backspace');
    expect(keyName('G', { shift: true })).toBe('G');
    expect(keyName(' ', {})).toBe('space');
  });

  it('gives the focused context the key first', () => {
    expect(commandFor('j', ['queue', 'actions', 'global'])).toBe('down');
    expect(commandFor('j', ['ticket', 'actions', 'global'])).toBe('scrollDown');
    expect(commandFor('q', ['picker'])).toBe('pickerCancel');
    expect(commandFor('q', ['queue', 'actions', 'global'])).toBe('quit');
    expect(commandFor('a', ['queue', 'actions', 'global'])).toBe('assignMe');
    expect(commandFor('x', ['queue', 'actions', 'global'])).toBeUndefined();
  });

  it('binds each key once per set of contexts that are active together', () => {
    const together = [['queue', 'actions', 'global'], ['ticket', 'actions', 'global']];
    for (const contexts of together) {
      const seen = new Map<string, string>();
      for (const b of KEYMAP.filter((k) => contexts.includes(k.context))) {
        for (const key of b.keys) {
          expect(seen.get(key), `${key} is bound to ${seen.get(key)} and ${b.command}`).toBeUndefined();
          seen.set(key, b.command);
        }
      }
    }
  });
});
