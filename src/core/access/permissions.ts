import { NexusError } from '../errors.js';
import type { Role } from '../db/schema.js';

/** Who is acting. The CLI, TUI and server resolve it from a session or token; core trusts it. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** `own`: only on resources that belong to the actor (a customer's own ticket). */
type Grant = boolean | 'own';

/**
 * Every permission of the product, with what each role may do. One table; `can()` reads it.
 * Customers get `own` at most: they never see other customers, internal notes or staff tools.
 */
export const PERMISSIONS = {
  'ticket.create': { customer: true, agent: true, admin: true },
  'ticket.create_for_customer': { customer: false, agent: true, admin: true },
  'ticket.list': { customer: 'own', agent: true, admin: true },
  'ticket.view': { customer: 'own', agent: true, admin: true },
  'ticket.view_internal': { customer: false, agent: true, admin: true },
  'ticket.reply': { customer: 'own', agent: true, admin: true },
  'ticket.note': { customer: false, agent: true, admin: true },
  'ticket.assign': { customer: false, agent: true, admin: true },
  'ticket.escalate': { customer: 'own', agent: true, admin: true },
  'ticket.close': { customer: 'own', agent: true, admin: true },
  'ticket.reopen': { customer: false, agent: true, admin: true },
  'ticket.set_priority': { customer: false, agent: true, admin: true },
  'ticket.tag': { customer: false, agent: true, admin: true },
  'ticket.categorize': { customer: false, agent: true, admin: true },
  'ticket.log_time': { customer: false, agent: true, admin: true },
  'ticket.rate': { customer: 'own', agent: false, admin: false },
  'ticket.history': { customer: false, agent: true, admin: true },
  'ticket.delete': { customer: false, agent: true, admin: true },
  'ticket.restore': { customer: false, agent: true, admin: true },
  'ticket.purge': { customer: false, agent: false, admin: true },
  'ticket.set_ai': { customer: false, agent: true, admin: true },
  'attachment.upload': { customer: 'own', agent: true, admin: true },
  'attachment.view': { customer: 'own', agent: true, admin: true },
  'attachment.delete': { customer: 'own', agent: true, admin: true },
  'stats.view': { customer: false, agent: true, admin: true },
  'tags.view': { customer: false, agent: true, admin: true },
  'tags.manage': { customer: false, agent: false, admin: true },
  'categories.view': { customer: false, agent: true, admin: true },
  'categories.manage': { customer: false, agent: false, admin: true },
  'users.view': { customer: false, agent: true, admin: true },
  'users.manage': { customer: false, agent: false, admin: true },
  'sla.view': { customer: false, agent: true, admin: true },
  'sla.manage': { customer: false, agent: false, admin: true },
  'routing.view': { customer: false, agent: true, admin: true },
  'routing.manage': { customer: false, agent: false, admin: true },
  'email.manage': { customer: false, agent: false, admin: true },
  'templates.manage': { customer: false, agent: false, admin: true },
  'ai.view': { customer: false, agent: true, admin: true },
  'ai.manage': { customer: false, agent: false, admin: true },
  'kb.manage': { customer: false, agent: false, admin: true },
  // issue 13: agents and admins write and publish knowledge-base articles; removing one is kb.manage.
  'kb.write': { customer: false, agent: true, admin: true },
  'config.manage': { customer: false, agent: false, admin: true },
  // issue 8: the schema's migration state over the API (`nexus db status` on the desk's own machine needs no login).
  'db.view': { customer: false, agent: false, admin: true },
} as const satisfies Record<string, Record<Role, Grant>>;

export type Permission = keyof typeof PERMISSIONS;

/** The resource a permission is checked against; `ownerId` is the customer who owns it. */
export interface Resource {
  ownerId: string;
}

export const isStaff = (actor: Pick<Actor, 'role'>): boolean => actor.role === 'agent' || actor.role === 'admin';

/** Pure and table-driven: may `actor` do `permission` (on `resource`, when the grant is `own`)? */
export function can(actor: Pick<Actor, 'id' | 'role'>, permission: Permission, resource?: Resource): boolean {
  const grant: Grant = PERMISSIONS[permission][actor.role];
  if (grant === 'own') return resource === undefined ? true : resource.ownerId === actor.id;
  return grant;
}

/**
 * Throws when `can()` says no. A customer reaching for someone else's resource gets NOT_FOUND, exactly
 * like a missing one, so existence never leaks; everything else gets FORBIDDEN.
 */
export function authorize(actor: Actor, permission: Permission, resource?: Resource & { notFound?: string }): void {
  if (can(actor, permission, resource)) return;
  const grant: Grant = PERMISSIONS[permission][actor.role];
  if (grant === 'own' && resource) throw new NexusError('NOT_FOUND', `${resource.notFound ?? 'Resource'} not found`);
  throw new NexusError('FORBIDDEN', `Your role (${actor.role}) does not allow ${permission.replace('.', ': ').replace(/_/g, ' ')}`, {
    hint: actor.role === 'admin' ? undefined : 'Ask an admin to do it, or to change your role.',
  });
}
