import { describe, expect, it } from 'vitest';
import { authorize, can, PERMISSIONS, type Actor, type Permission } from './permissions.js';
import { NexusError } from '../errors.js';
import type { Role } from '../db/schema.js';

const ROLES: Role[] = ['customer', 'agent', 'admin'];
const actor = (role: Role): Actor => ({ id: `${role}-id`, email: `${role}@example.com`, name: role, role });
const own = (a: Actor) => ({ ownerId: a.id });
const someoneElses = { ownerId: 'other-customer-id' };

// The expected answer for every (role, permission) pair, written out independently of the table so that
// a change to the table has to be made here too, on purpose.
const STAFF_ONLY: Permission[] = [
  'ticket.create_for_customer', 'ticket.view_internal', 'ticket.note', 'ticket.assign', 'ticket.reopen',
  'ticket.set_priority', 'ticket.tag', 'ticket.categorize', 'ticket.log_time', 'ticket.history', 'ticket.delete',
  'ticket.restore', 'ticket.set_ai', 'stats.view', 'tags.view', 'categories.view', 'users.view', 'sla.view',
  'routing.view', 'ai.view', 'kb.write',
];
const ADMIN_ONLY: Permission[] = [
  'ticket.purge', 'tags.manage', 'categories.manage', 'users.manage', 'sla.manage', 'routing.manage',
  'email.manage', 'templates.manage', 'ai.manage', 'kb.manage', 'config.manage',
];
const CUSTOMER_OWN_AND_STAFF: Permission[] = [
  'ticket.list', 'ticket.view', 'ticket.reply', 'ticket.escalate', 'ticket.close', 'attachment.upload',
  'attachment.view', 'attachment.delete',
];
const EVERYONE: Permission[] = ['ticket.create'];
const CUSTOMER_OWN_ONLY: Permission[] = ['ticket.rate'];

type Expect = 'yes' | 'no' | 'own';
function expected(role: Role, permission: Permission): Expect {
  if (EVERYONE.includes(permission)) return 'yes';
  if (ADMIN_ONLY.includes(permission)) return role === 'admin' ? 'yes' : 'no';
  if (STAFF_ONLY.includes(permission)) return role === 'customer' ? 'no' : 'yes';
  if (CUSTOMER_OWN_AND_STAFF.includes(permission)) return role === 'customer' ? 'own' : 'yes';
  if (CUSTOMER_OWN_ONLY.includes(permission)) return role === 'customer' ? 'own' : 'no';
  throw new Error(`permission ${permission} is not classified in this test`);
}

const pairs = ROLES.flatMap((role) => (Object.keys(PERMISSIONS) as Permission[]).map((permission) => [role, permission] as const));

describe('can(): every (role, permission) pair', () => {
  it('classifies every permission of the table', () => {
    const classified = [...STAFF_ONLY, ...ADMIN_ONLY, ...CUSTOMER_OWN_AND_STAFF, ...EVERYONE, ...CUSTOMER_OWN_ONLY];
    expect([...classified].sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it.each(pairs)('%s → %s', (role, permission) => {
    const a = actor(role);
    const want = expected(role, permission);
    expect(can(a, permission, own(a))).toBe(want !== 'no');
    expect(can(a, permission, someoneElses)).toBe(want === 'yes');
  });
});

describe('authorize()', () => {
  it("answers NOT_FOUND when a customer reaches for someone else's resource, so existence never leaks", () => {
    const error = (() => {
      try {
        authorize(actor('customer'), 'ticket.view', { ...someoneElses, notFound: 'Ticket #1042' });
      } catch (e) {
        return e as NexusError;
      }
    })();
    expect(error?.code).toBe('NOT_FOUND');
    expect(error?.message).toBe('Ticket #1042 not found');
  });

  it('answers FORBIDDEN with a hint for a role that lacks the permission', () => {
    expect(() => authorize(actor('agent'), 'users.manage')).toThrowError(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => authorize(actor('admin'), 'users.manage')).not.toThrow();
  });
});
