import type { BounceInfo } from './classify.js';

/**
 * RFC 3463 §3.1: the first digit of an enhanced status code is its class — 4.x.x "persistent transient
 * failure" (sending later may succeed), 5.x.x "permanent failure". RFC 3464 §2.3.3: `Action: delayed`
 * means the MTA is still trying (transient); `failed` means it gave up.
 */
export type BounceClass = 'transient' | 'permanent';

export interface ClassifiedFailure {
  recipient: string | null;
  status: string | null;
  class: BounceClass;
}

/**
 * An enhanced status code as MTAs write it in text reports: after the SMTP reply code (RFC 2034 §4,
 * "550 5.1.1 …", Exchange's "#550 5.1.1 ##"), or on a `Status:` line. A bare x.y.z elsewhere (a version
 * number) is not taken.
 */
const CODE_IN_TEXT = /(?:\b[245]\d\d[ -]|^status:\s*)([245])\.(\d{1,3})\.(\d{1,3})\b/im;

export function classOfStatus(status: string | null, action: 'failed' | 'delayed' | null): BounceClass {
  if (status?.startsWith('4')) return 'transient';
  if (status?.startsWith('5')) return 'permanent';
  return action === 'delayed' ? 'transient' : 'permanent';
}

/**
 * Each failure a bounce reports, with its class: the DSN's recipients (status, else action), or for a
 * report without DSN fields (a text NDR) the status code its text gives. A report that says it could not
 * deliver and gives no code is a failure the MTA gave up on: permanent.
 */
export function classifyBounce(bounce: BounceInfo, text: string): ClassifiedFailure[] {
  if (bounce.failed.length > 0) return bounce.failed.map((f) => ({ recipient: f.address, status: f.status, class: classOfStatus(f.status, f.action) }));
  const code = CODE_IN_TEXT.exec(text.slice(0, 50_000));
  const status = code ? `${code[1]}.${code[2]}.${code[3]}` : null;
  return [{ recipient: null, status, class: classOfStatus(status, null) }];
}
