import type { CliContext } from '../context.js';
import { messageCommand } from './message-command.js';

export const replyCommand = (ctx: CliContext) => messageCommand(ctx, 'reply');
