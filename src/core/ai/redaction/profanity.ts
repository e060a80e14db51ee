import type { DetectorInput, Finding } from './types.js';

/**
 * Profanity as whole words: each entry matches one lower-cased token, inflections and masking
 * characters (* ! # @ $) included. Because tokens are whole words, "Scunthorpe", "assessment" or
 * "cockpit" never match.
 */
const PROFANITY: RegExp[] = [
  // fuck and family: fucking, fucked, fucker, motherfucking, clusterfuck, f*ck, f***ing, fkn, fck
  /^(?:mother|cluster|clusterf)?f[u*][c*][k*](?:s|ed|er|ers|ing|in|face|wit|head|tard|up|ups)?$/,
  /^(?:mother)?f\*{1,4}(?:ing|ed|er|ers|s)?$/,
  /^f(?:c?k|ck)(?:n|in|ing|ed)?$/,
  /^(?:clusterfuck|motherfuck(?:er|ers|ing|in)?)$/,
  // shit and family: shitty, shite, bullshit, sh*t, sh!t, bullsh*t
  /^(?:bull|horse|dip|ape)?sh[i*!1]t(?:s|e|ty|tier|tiest|ted|ting|head|heads|hole|holes|storm|show|load)?$/,
  /^(?:bull)?s\*{2,3}(?:ty)?$/,
  // ass, asshole, arse, arsehole(s)
  /^(?:dumb|jack|smart|bad|hard)?ass(?:es|hole|holes|hat|hats|wipe|wipes|clown)?$/,
  /^a[s*$][s*$]hole[s]?$/,
  /^arse(?:s|hole|holes|d)?$/,
  /^bitch(?:es|y|ing|ed)?$/,
  /^b[i*!1]tch(?:es)?$/,
  /^bastards?$/,
  /^d[i*!1]ck(?:head|heads|wad|wads)$/,
  /^cr[a*]p(?:py|s|pier|piest)?$/,
  /^p[i*!1]ss(?:ed|es|ing|er)?$/,
  /^wtf$/,
  // German, French, Spanish
  /^schei(?:ß|ss|s)e?$/,
  /^schei(?:ß|ss)\p{L}+$/u, // compounds: Scheißladen, Scheißwetter
  /^arschl[oö]ch(?:er)?$/,
  /^arschl[oö]cher$/,
  /^merd(?:e|es|ique|eux|euse)$/,
  /^putains?$/,
  /^mierdas?$/,
  /^joder$/,
  /^jodid[oa]s?$/,
  /^cabr[oó]n(?:es)?$/,
  /^connard(?:e|s|es)?$/,
  /^salop(?:e|es|ard|ards)$/,
];

// A token: letters (and look-alike digits, "sh1t") plus masking characters inside or at the end of a word ("sh*t", "f***ing", "sh!t").
const TOKEN = /(?<![\p{L}\p{N}_*!#@$'’-])\p{L}[\p{L}\p{M}\p{N}*!#@$]*(?:[-'’]\p{L}[\p{L}\p{M}\p{N}*!#@$]*)*/gu;

function isProfane(token: string): boolean {
  const word = token.toLowerCase();
  return PROFANITY.some((p) => p.test(word));
}

export function findProfanity({ text }: DetectorInput): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let token = m[0];
    // Compounds ("piss-poor") and contractions ("shit's") are judged part by part; a trailing "!" is punctuation.
    const parts = token.split(/[-'’]/);
    let offset = m.index;
    for (const part of parts) {
      token = part;
      let matched = isProfane(token);
      while (!matched && /[*!#@$]$/.test(token)) {
        token = token.slice(0, -1);
        matched = isProfane(token);
      }
      if (matched && token) found.push({ type: 'profanity', start: offset, end: offset + token.length });
      offset += part.length + 1;
    }
  }
  return found;
}
