import { describe, expect, it } from 'vitest';
import { classifyBounce, classOfStatus } from './bounce-class.js';
import type { BounceInfo } from './classify.js';

const report = (failed: BounceInfo['failed']): BounceInfo => ({ reason: 'multipart/report; report-type=delivery-status', failed, originalIds: [], originalSubject: null });

describe('bounce classes (RFC 3463 §3.1, RFC 3464 §2.3.3)', () => {
  it.each([
    ['4.2.2', 'failed', 'transient'],
    ['4.4.7', 'failed', 'transient'],
    ['4.4.1', 'delayed', 'transient'],
    ['5.1.1', 'failed', 'permanent'],
    ['5.7.1', 'failed', 'permanent'],
    [null, 'delayed', 'transient'],
    [null, 'failed', 'permanent'],
  ] as const)('status %s with action %s is %s', (status, action, expected) => {
    expect(classOfStatus(status, action)).toBe(expected);
  });

  it('classes each recipient of a DSN on its own', () => {
    const classes = classifyBounce(
      report([
        { address: 'full@customer.test', status: '4.2.2', action: 'failed' },
        { address: 'gone@customer.test', status: '5.1.1', action: 'failed' },
        { address: 'slow@customer.test', status: null, action: 'delayed' },
      ]),
      '',
    );
    expect(classes).toEqual([
      { recipient: 'full@customer.test', status: '4.2.2', class: 'transient' },
      { recipient: 'gone@customer.test', status: '5.1.1', class: 'permanent' },
      { recipient: 'slow@customer.test', status: null, class: 'transient' },
    ]);
  });

  it('reads the enhanced code after the SMTP reply code in a text NDR, never a bare version number', () => {
    expect(classifyBounce(report([]), "Remote Server returned '452 4.2.2 Mailbox full'")).toEqual([{ recipient: null, status: '4.2.2', class: 'transient' }]);
    expect(classifyBounce(report([]), 'gone@customer.test\r\n#550 5.1.10 RESOLVER.ADR.RecipientNotFound ##')).toEqual([{ recipient: null, status: '5.1.10', class: 'permanent' }]);
    expect(classifyBounce(report([]), 'Status: 4.4.1\r\n')).toEqual([{ recipient: null, status: '4.4.1', class: 'transient' }]);
    // No code at all: the report says delivery failed, so the MTA gave up.
    expect(classifyBounce(report([]), 'Sent with client 4.5.10 to the server; it could not be delivered.')).toEqual([{ recipient: null, status: null, class: 'permanent' }]);
  });
});
