import type { CliContext } from '../context.js';
import { changeCommand } from './change-command.js';

export const restoreCommand = (ctx: CliContext) =>
  changeCommand(ctx, {
    name: 'restore',
    description: 'Take a ticket out of the trash',
    examples: ['nexus tickets restore 1042', 'nexus tickets restore 1042 --json'],
    run: (services, actor, ticket) => services.tickets.restore(actor, { ticket }),
    done: (t) => `✓ Restored #${t.number} (${t.status})`,
  });
