import type { CliContext } from '../context.js';
import { messageCommand } from './message-command.js';

export const noteCommand = (ctx: CliContext) => messageCommand(ctx, 'note');
