import type { User } from '../core/users/user.js';
import type { CliContext } from './context.js';
import { openSessionStore } from './stores.js';

/** Starts a CLI session for `user` and saves it for this desk. */
export async function saveLogin(ctx: CliContext, user: User): Promise<void> {
  const services = await ctx.services();
  const session = await services.auth.startCliSession(user.id, `${ctx.commandLine} on ${process.platform}`);
  const store = await openSessionStore(ctx.configDir);
  const target = await ctx.sessionTarget();
  const previous = store.get(target);
  if (previous) await services.auth.endCliSession(previous.token);
  store.set(target, { token: session.token, email: user.email, role: user.role, savedAt: new Date().toISOString() });
}
