import { describe, expect, it } from 'vitest';
import { prettyLogLine, serverLogStream } from './log-stream.js';

describe('serve logs (issue 8 item 14)', () => {
  it('Given a JSON log line, when pretty, then it reads as time, level, request and message', () => {
    const line = JSON.stringify({ level: 30, time: Date.parse('2026-11-30T12:05:00Z'), req: { method: 'GET', url: '/v1/tickets' }, res: { statusCode: 200 }, responseTime: 12.4, msg: 'request completed' });
    expect(prettyLogLine(line)).toMatch(/^\d\d:\d\d \S+ {2}info {3}GET \/v1\/tickets 200 12ms {2}request completed$/);
  });

  it('Given no terminal, then the JSON lines pass through unchanged', () => {
    const notTty = { write: () => true, isTTY: false } as unknown as NodeJS.WritableStream & { isTTY?: boolean };
    expect(serverLogStream(notTty)).toBe(notTty);
  });
});
