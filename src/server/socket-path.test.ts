import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { socketPathFor } from './run-server.js';

describe('socketPathFor', () => {
  it('keeps the socket inside a data folder with a short path', () => {
    expect(socketPathFor('/home/ana/.local/share/nexus')).toBe('/home/ana/.local/share/nexus/.s.PGSQL.5432');
  });

  it('moves it to a private temp folder, the same for the same data folder, when the path is too long for a Unix socket', () => {
    const long = join('/srv', 'x'.repeat(120));
    const path = socketPathFor(long);
    expect(path.startsWith(tmpdir())).toBe(true);
    expect(path.endsWith('/.s.PGSQL.5432')).toBe(true);
    expect(Buffer.byteLength(path)).toBeLessThanOrEqual(100);
    expect(socketPathFor(long)).toBe(path);
    expect(socketPathFor(`${long}y`)).not.toBe(path);
  });
});
