import type { CliContext } from '../context.js';
import { changeCommand } from './change-command.js';

export const closeCommand = (ctx: CliContext) =>
  changeCommand(ctx, {
    name: 'close',
    description: 'Close (resolve) a ticket; a customer reply reopens it',
    examples: ['nexus tickets close 1042', 'nexus tickets close 1042 --json'],
    run: (services, actor, ticket) => services.tickets.close(actor, { ticket }),
    done: (t) => `✓ Closed #${t.number}`,
  });
