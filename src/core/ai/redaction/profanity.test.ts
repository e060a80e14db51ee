import { describe, expect, it } from 'vitest';
import { findProfanity } from './profanity.js';

const profane = (text: string) => findProfanity({ text, protectedRanges: [] }).map((f) => text.slice(f.start, f.end));

describe('findProfanity: every entry decides a word', () => {
  it.each([
    // fuck and family
    'motherfucked', 'fuckface', 'fuckups', 'fucks', 'fu*k', 'f****', 'f**ers', 'fkn', 'fck', 'fking', 'fcked',
    'motherfuckers', 'clusterfuck',
    // shit and family
    'horseshit', 'shitstorm', 'apeshit', 'dipshit', 'shite', 'shitty', 's***', 's**ty', 'bulls**',
    // ass, arse
    'dumbass', 'asshat', 'jackasses', 'a**hole', 'a$$holes', 'arsed', 'arses', 'arseholes',
    // bitch, bastard, dick, crap, piss, wtf
    'bitchy', 'bitching', 'b*tch', 'b1tches', 'bastard', 'bastards', 'dickhead', 'd*ckwad', 'crappy', 'cr*p', 'pissed', 'p*ssing', 'wtf',
    // German, French, Spanish
    'scheiss', 'scheisse', 'scheiße', 'scheise', 'scheißladen', 'scheisswetter', 'arschloch', 'arschlöcher',
    'merdique', 'merdes', 'putain', 'putains', 'mierda', 'mierdas', 'joder', 'jodidos', 'jodida', 'cabrón', 'cabrones', 'connard', 'connarde', 'connards', 'salope', 'salopards',
  ])('%s', (word) => {
    expect(profane(`Well ${word} indeed.`)).toEqual([word]);
    expect(profane(`Well ${word.toUpperCase()} indeed.`)).toEqual([word.toUpperCase()]);
  });
});

describe('findProfanity: near misses are left alone', () => {
  it.each([
    'dick', 'merd', 'salop', 'scrappy', 'xcrap', 'crapx', 'bitchx', 'xbitch', 'wtfx', 'assessment', 'class', 'passage',
    'cockpit', 'Dickens', 'sh#t', 'f*ck*ng', 'shiitake', 'Scunthorpe', 'therapist', 'arsenal', 'bassist', 'mierdo', 'putainx',
  ])('%s', (word) => {
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
