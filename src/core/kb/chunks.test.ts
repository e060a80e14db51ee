import { describe, expect, it } from 'vitest';
import { chunkMarkdown } from './chunks.js';

describe('chunkMarkdown', () => {
  it('starts a passage at each heading and remembers it', () => {
    expect(chunkMarkdown('Intro text.\n\n## Setup\n\nPlug it in.\n\nWait two minutes.\n\n### Red light\nRestart the modem.')).toEqual([
      { heading: null, body: 'Intro text.' },
      { heading: 'Setup', body: 'Plug it in.\n\nWait two minutes.' },
      { heading: 'Red light', body: 'Restart the modem.' },
    ]);
  });

  it('packs paragraphs up to the passage size and cuts a long paragraph at sentence ends', () => {
    const sentence = 'This sentence is about forty characters. ';
    const passages = chunkMarkdown(`${sentence.repeat(40)}\n\n${'Short.'}`);
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages) expect(p.body.length).toBeLessThanOrEqual(720);
    expect(passages.map((p) => p.body).join(' ').replace(/\s+/g, ' ')).toContain('Short.');
  });

  it('gives nothing for an empty body', () => {
    expect(chunkMarkdown('  \n\n ')).toEqual([]);
  });
});
