import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { assignCommand } from './assign.js';
import { closeCommand } from './close.js';
import { createCommand } from './create.js';
import { editCommand } from './edit.js';
import { escalateCommand } from './escalate.js';
import { historyCommand } from './history.js';
import { listCommand, mineCommand } from './list.js';
import { noteCommand } from './note.js';
import { priorityCommand } from './priority.js';
import { reopenCommand } from './reopen.js';
import { replyCommand } from './reply.js';
import { unassignCommand } from './unassign.js';
import { viewCommand } from './view.js';
import { aiCommand } from './ai.js';
import { pendingCommand } from './pending.js';

/** The lifecycle verbs of `nexus tickets`, in help order. */
export const lifecycleCommands = (ctx: CliContext): Command[] => [
  listCommand(ctx),
  mineCommand(ctx),
  viewCommand(ctx),
  createCommand(ctx),
  replyCommand(ctx),
  noteCommand(ctx),
  assignCommand(ctx),
  unassignCommand(ctx),
  escalateCommand(ctx),
  closeCommand(ctx),
  reopenCommand(ctx),
  priorityCommand(ctx),
  editCommand(ctx),
  historyCommand(ctx),
  pendingCommand(ctx),
  aiCommand(ctx),
];
