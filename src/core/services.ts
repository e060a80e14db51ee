import type { Actor } from './access/permissions.js';
import { authenticate, type Credentials } from './auth/authenticate.js';
import { endCliSession, resolveCliSession, startCliSession } from './auth/cli-sessions.js';
import type { Deps } from './deps.js';
import { initDesk } from './setup/init-desk.js';
import { createUser, type CreateUserInput } from './users/create-user.js';
import { listUsers, type ListUsersInput } from './users/list-users.js';
import { resetUserPassword } from './users/reset-user-password.js';
import { setUserDisabled } from './users/set-user-disabled.js';
import { setUserRole } from './users/set-user-role.js';

/**
 * The one wiring point: every use case bound to its dependencies. The CLI, TUI and server call these;
 * none of them holds business rules.
 */
export function createServices(deps: Deps) {
  return {
    deps,
    setup: {
      init: (input: Parameters<typeof initDesk>[1]) => initDesk(deps, input),
    },
    auth: {
      authenticate: (input: Credentials) => authenticate(deps, input),
      startCliSession: (userId: string, client: string) => startCliSession(deps, userId, client),
      resolveCliSession: (token: string) => resolveCliSession(deps, token),
      endCliSession: (token: string) => endCliSession(deps, token),
    },
    users: {
      create: (actor: Actor, input: CreateUserInput) => createUser(deps, actor, input),
      list: (actor: Actor, input?: ListUsersInput) => listUsers(deps, actor, input),
      setRole: (actor: Actor, input: Parameters<typeof setUserRole>[2]) => setUserRole(deps, actor, input),
      setDisabled: (actor: Actor, input: Parameters<typeof setUserDisabled>[2]) => setUserDisabled(deps, actor, input),
      resetPassword: (actor: Actor, input: Parameters<typeof resetUserPassword>[2]) => resetUserPassword(deps, actor, input),
    },
  };
}

export type Services = ReturnType<typeof createServices>;
