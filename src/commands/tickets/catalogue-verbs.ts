import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { attachCommand } from './attach.js';
import { attachmentsCommand } from './attachments.js';
import { categoryCommand } from './category.js';
import { deleteCommand } from './delete.js';
import { downloadCommand } from './download.js';
import { purgeCommand } from './purge.js';
import { rateCommand } from './rate.js';
import { restoreCommand } from './restore.js';
import { tagCommand, untagCommand } from './tag.js';
import { timeCommand } from './time.js';
import { trashCommand } from './trash.js';

/** Tags, category, time, ratings, trash and attachments verbs of `nexus tickets`, in help order. */
export const catalogueCommands = (ctx: CliContext): Command[] => [
  tagCommand(ctx),
  untagCommand(ctx),
  categoryCommand(ctx),
  timeCommand(ctx),
  rateCommand(ctx),
  attachCommand(ctx),
  attachmentsCommand(ctx),
  downloadCommand(ctx),
  deleteCommand(ctx),
  restoreCommand(ctx),
  trashCommand(ctx),
  purgeCommand(ctx),
];
