import type { CliContext } from '../context.js';
import { changeCommand } from './change-command.js';

export const unassignCommand = (ctx: CliContext) =>
  changeCommand(ctx, {
    name: 'unassign',
    description: 'Take a ticket away from its assignee (back to the queue)',
    examples: ['nexus tickets unassign 1042'],
    run: (services, actor, ticket) => services.tickets.unassign(actor, { ticket }),
    done: (t) => `✓ #${t.number} is unassigned (status ${t.status})`,
  });
