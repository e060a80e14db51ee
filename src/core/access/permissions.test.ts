import { describe, expect, it } from 'vitest';
import { authorize, can, isStaff, PERMISSIONS, type Actor, type Permission } from './permissions.js';
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
  'email.manage', 'templates.manage', 'ai.manage', 'kb.manage', 'config.manage', 'db.view',
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

function thrown(action: () => void): NexusError {
  try {
    action();
  } catch (e) {
    return e as NexusError;
  }
  throw new Error('expected a throw');
}

describe('isStaff', () => {
  it.each([
    ['customer', false],
    ['agent', true],
    ['admin', true],
  ] as const)('%s → %s', (role, expected) => {
    expect(isStaff({ role })).toBe(expected);
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
    const error = thrown(() => authorize(actor('agent'), 'users.manage'));
    expect(error.message).toBe('Your role (agent) does not allow users: manage');
    expect(error.hint).toBe('Ask an admin to do it, or to change your role.');
    expect(() => authorize(actor('admin'), 'users.manage')).not.toThrow();
  });

  it('names the permission in words, every underscore spaced, and gives an admin no hint to ask an admin', () => {
    const error = thrown(() => authorize(actor('customer'), 'ticket.create_for_customer'));
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'Your role (customer) does not allow ticket: create for customer' });
    expect(thrown(() => authorize(actor('agent'), 'ticket.rate')).message).toBe('Your role (agent) does not allow ticket: rate');
    const admin = thrown(() => authorize(actor('admin'), 'ticket.rate'));
    expect(admin).toMatchObject({ code: 'FORBIDDEN', message: 'Your role (admin) does not allow ticket: rate' });
    expect(admin.hint).toBeUndefined();
  });

  it("answers NOT_FOUND naming 'Resource' when the caller gave no name", () => {
    expect(thrown(() => authorize(actor('customer'), 'ticket.view', someoneElses))).toMatchObject({ code: 'NOT_FOUND', message: 'Resource not found' });
  });

  it('lets a customer through on their own resource and on an own-grant without a resource', () => {
    const customer = actor('customer');
    expect(() => authorize(customer, 'ticket.view', own(customer))).not.toThrow();
    expect(() => authorize(customer, 'ticket.view')).not.toThrow();
    expect(can(customer, 'ticket.view')).toBe(true);
    // A plain no stays FORBIDDEN even with a resource of their own.
    expect(thrown(() => authorize(customer, 'ticket.note', own(customer))).code).toBe('FORBIDDEN');
  });
});
