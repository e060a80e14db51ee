import { describe, expect, it } from 'vitest';
import { findProfanity } from './profanity.js';

const profane = (text: string) => findProfanity({ text, protectedRanges: [] }).map((f) => text.slice(f.start, f.end));

// Every form the word table lists, bare and inflected (the forms the corpus README names among them):
// each entry of the table, and each part of it, decides at least one of them.
const LISTED = [
  // fuck and family
  'fuck', 'fucking', 'motherfucker', 'motherfucked', 'fuckface', 'fuckups', 'fucks', 'fu*k', 'f****', 'f**ers', 'fkn', 'fck', 'fking', 'fcked',
  'motherfuckers', 'clusterfuck', 'fucked', 'motherfucking', 'f*ck', 'f***ing', 'f*cking',
  // shit and family
  'shit', 'horseshit', 'shitstorm', 'apeshit', 'dipshit', 'shite', 'shitty', 's***', 's**ty', 'bulls**', 'bullshit', 'sh*t', 'sh!t', 'bullsh*t',
  // ass, arse
  'ass', 'asshole', 'arse', 'dumbass', 'asshat', 'jackasses', 'a**hole', 'a$$holes', 'arsed', 'arses', 'arseholes',
  // bitch, bastard, dick, crap, piss, wtf
  'bitch', 'bitchy', 'bitching', 'b*tch', 'b1tches', 'bastard', 'bastards', 'dickhead', 'd*ckwad', 'crap', 'crappy', 'cr*p', 'piss', 'pissed', 'p*ssing', 'wtf',
  // German, French, Spanish
  'scheiss', 'scheisse', 'scheiße', 'scheise', 'scheißladen', 'scheisswetter', 'arschloch', 'arschlöcher',
  'merde', 'merdique', 'merdes', 'putain', 'putains', 'mierda', 'mierdas', 'joder', 'jodidos', 'jodida', 'cabrón', 'cabrones', 'connard', 'connarde', 'connards', 'salope', 'salopards',
];

describe('findProfanity: every entry decides a word', () => {
  it.each(LISTED)('%s', (word) => {
    expect(profane(`Well ${word} indeed.`)).toEqual([word]);
    expect(profane(`Well ${word.toUpperCase()} indeed.`)).toEqual([word.toUpperCase()]);
  });
});

describe('findProfanity: near misses are left alone', () => {
  it.each([
    'dick', 'merd', 'salop', 'scrappy', 'xcrap', 'crapx', 'bitchx', 'xbitch', 'wtfx', 'assessment', 'class', 'passage',
    'cockpit', 'Dickens', 'sh#t', 'f*ck*ng', 'shiitake', 'Scunthorpe', 'therapist', 'arsenal', 'bassist', 'mierdo', 'putainx',
    // a listed word at the start or the end of another word
    'parse', 'sparse', 'shitake', 'Pissarro', 'bastardise', 'passion', 'scrapbook', 'classy', 'embarrass', 'arschlacher',
  ])('%s', (word) => {
    expect(profane(`Well ${word} indeed.`)).toEqual([]);
  });

  // Whole words: a letter before a listed form, or after it, makes another word. German "Scheiß-" takes
  // any letters after it (Scheißladen), so a digit follows those instead.
  it.each(LISTED.flatMap((word) => [`z${word}`, /^schei/.test(word) ? `${word}9` : `${word}z`]))('%s', (word) => {
    expect(profane(`Well ${word} indeed.`)).toEqual([]);
  });
});

describe('findProfanity: tokens', () => {
  it('drops trailing masking characters that are punctuation', () => {
    expect(profane('Oh sh!t! and f*ck! and shit#')).toEqual(['sh!t', 'f*ck', 'shit']);
  });

  it('judges compounds and contractions part by part, with exact offsets', () => {
    expect(findProfanity({ text: "piss-poor shit's", protectedRanges: [] })).toEqual([
      { type: 'profanity', start: 0, end: 4 },
      { type: 'profanity', start: 10, end: 14 },
    ]);
    expect(profane('a half-arsed job')).toEqual(['arsed']);
    expect(profane('what-the-fuck')).toEqual(['fuck']);
  });

  it('does not start a token after a letter, digit, underscore or mask', () => {
    expect(profane('1shit _shit *shit')).toEqual([]);
    expect(profane('a—shit')).toEqual(['shit']);
  });
});
