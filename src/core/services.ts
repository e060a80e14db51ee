import type { Actor } from './access/permissions.js';
import { aiServices, withAiHooks } from './ai/ai-services.js';
import { authenticate, type Credentials } from './auth/authenticate.js';
import { endCliSession, resolveCliSession, startCliSession } from './auth/cli-sessions.js';
import { verifyAccessToken } from './auth/access-tokens.js';
import { currentUser } from './auth/current-user.js';
import { logIn, type LoginContext } from './auth/log-in.js';
import { logOut } from './auth/log-out.js';
import { refreshSession } from './auth/refresh-session.js';
import { registerCustomer, type RegisterInput } from './auth/register-customer.js';
import { requestPasswordReset } from './auth/request-password-reset.js';
import { resetPasswordWithToken } from './auth/reset-password.js';
import type { Deps } from './deps.js';
import { getDbStatus, getDbStatusAsOwner } from './db/get-db-status.js';
import { emailServices } from './email/email-services.js';
import { withEmailHooks } from './email/outbound/email-hooks.js';
import { initDesk } from './setup/init-desk.js';
import { slaServices } from './sla/sla-services.js';
import { groupServices, routingServices } from './routing/routing-services.js';
import { kbServices } from './kb/kb-services.js';
import { categoryServices, tagServices, ticketExtraServices } from './tickets/catalogue-services.js';
import { ticketLifecycleServices } from './tickets/ticket-services.js';
import { createUser, type CreateUserInput } from './users/create-user.js';
import { listUsers, type ListUsersInput } from './users/list-users.js';
import { recoverPasswordLocally, resetUserPassword } from './users/reset-user-password.js';
import { setUserDisabled } from './users/set-user-disabled.js';
import { setUserRole } from './users/set-user-role.js';

/**
 * The one wiring point: every use case bound to its dependencies. The CLI, TUI and server call these;
 * none of them holds business rules.
 */
export function createServices(input: Deps) {
  const deps = withEmailHooks(withAiHooks(input));
  const ai = aiServices(deps);
  const email = emailServices(deps);
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
      logIn: (input: Credentials, context: LoginContext) => logIn(deps, input, context),
      register: (input: RegisterInput, context?: { client?: string | null }) => registerCustomer(deps, input, context),
      refresh: (refreshToken: string, context?: { client?: string | null }) => refreshSession(deps, refreshToken, context),
      logOut: (actor: Actor, input: Parameters<typeof logOut>[2]) => logOut(deps, actor, input),
      verifyAccessToken: (token: string) => verifyAccessToken(deps, token),
      me: (actor: Actor) => currentUser(deps, actor),
      forgotPassword: (input: { email: string }, options?: { resetUrl?: string; address?: string }) => requestPasswordReset(deps, input, options),
      resetPassword: (input: { token: string; password: string }) => resetPasswordWithToken(deps, input),
    },
    users: {
      create: (actor: Actor, input: CreateUserInput) => createUser(deps, actor, input),
      list: (actor: Actor, input?: ListUsersInput) => listUsers(deps, actor, input),
      setRole: (actor: Actor, input: Parameters<typeof setUserRole>[2]) => setUserRole(deps, actor, input),
      setDisabled: (actor: Actor, input: Parameters<typeof setUserDisabled>[2]) => setUserDisabled(deps, actor, input),
      resetPassword: (actor: Actor, input: Parameters<typeof resetUserPassword>[2]) => resetUserPassword(deps, actor, input),
      /** `nexus users reset-password --local`: the database's owner recovers a lost password (issue 8). */
      recoverPasswordLocally: (input: Parameters<typeof recoverPasswordLocally>[1]) => recoverPasswordLocally(deps, input),
    },
    tickets: {
      ...ticketLifecycleServices(deps),
      ...ticketExtraServices(deps),
    },
    tags: tagServices(deps),
    categories: categoryServices(deps),
    ai,
    /** The schema's migration state (issue 8): admins over the API, the database's owner in the CLI. */
    db: {
      status: (actor: Actor) => getDbStatus(deps, actor),
      statusAsOwner: () => getDbStatusAsOwner(deps),
    },
    // i10: email channel
    email,
    /** SLA policies, calendars, explain, report, check (issue 11). */
    sla: slaServices(deps),
    /** Routing rules and agent groups (issue 11). */
    routing: routingServices(deps),
    groups: groupServices(deps),
    /** issue 13: knowledge base. */
    kb: kbServices(deps),
    /** Background job consumers (AI replies); `nexus serve` and `nexus worker` run them. */
    // i10: the email pollers and outbox sender run beside the AI consumers.
    startWorkers: (options?: Parameters<typeof ai.startWorkers>[0]) => {
      const aiWorkers = ai.startWorkers(options);
      const emailWorkers = email.startWorkers({ onError: options?.onError });
      return {
        poke: () => {
          aiWorkers.poke();
          emailWorkers.poke();
        },
        stop: async () => {
          await Promise.all([aiWorkers.stop(), emailWorkers.stop()]);
        },
      };
    },
  };
}

export type Services = ReturnType<typeof createServices>;
