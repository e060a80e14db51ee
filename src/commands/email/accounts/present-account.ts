import type { EmailAccount } from '../../../core/email/accounts/account.js';
import { renderFields } from '../../output.js';

const side = (values: Record<string, unknown>): string =>
  Object.entries(values)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');

export const accountFields = (a: EmailAccount): string =>
  renderFields([
    ['address', a.address],
    ['display name', a.displayName],
    ['aliases', a.aliases.join(', ') || null],
    ['default', a.isDefault ? 'yes' : 'no'],
    ['active', a.isActive ? 'yes' : 'no'],
    ['inbound', side(a.inbound)],
    ['outbound', side(a.outbound)],
  ]);
