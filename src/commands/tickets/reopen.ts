import type { CliContext } from '../context.js';
import { changeCommand } from './change-command.js';

export const reopenCommand = (ctx: CliContext) =>
  changeCommand(ctx, {
    name: 'reopen',
    description: 'Reopen a closed ticket',
    examples: ['nexus tickets reopen 1042'],
    run: (services, actor, ticket) => services.tickets.reopen(actor, { ticket }),
    done: (t) => `✓ Reopened #${t.number} (status ${t.status})`,
  });
