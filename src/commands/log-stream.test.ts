import { describe, expect, it } from 'vitest';
import { prettyLogLine, serverLogStream } from './log-stream.js';

describe('serve logs (issue 8 item 14)', () => {
  it('Given a JSON log line, when pretty, then it reads as time, level, request and message', () => {
    const line = JSON.stringify({ level: 30, time: Date.parse('2026-11-30T12:05:00Z'), req: { method: 'GET', url: '/v1/tickets' }, res: { statusCode: 200 }, responseTime: 12.4, msg: 'request completed' });
    expect(prettyLogLine(line)).toMatch(/^\d\d:\d\d \S+ {2}info {3}GET \/v1\/tickets 200 12ms {2}request completed$/);
  });

  it('Given a log line quoting what a client sent, when pretty, then its control characters are visible and it stays one line', () => {
    const line = JSON.stringify({ level: 50, time: Date.parse('2026-11-30T12:05:00Z'), msg: 'bad body', err: { message: 'Unexpected token \u001b]0;owned\u0007\nforged line' } });
    const pretty = prettyLogLine(line);
    expect(pretty).toContain('— Unexpected token ^[]0;owned^G forged line');
    // eslint-disable-next-line no-control-regex -- the point: no control character reaches the terminal
    expect(pretty).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(prettyLogLine('not json \u001b[2J')).toBe('not json ^[[2J');
  });

  it('Given no terminal, then the JSON lines pass through unchanged', () => {
    const notTty = { write: () => true, isTTY: false } as unknown as NodeJS.WritableStream & { isTTY?: boolean };
    expect(serverLogStream(notTty)).toBe(notTty);
  });
});
