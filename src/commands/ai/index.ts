import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { redactCommand } from './redact.js';
import { statusCommand } from './status.js';
import { tracesCommand } from './traces.js';

export function command(ctx: CliContext): Command {
  return new Command('ai').description('The AI reply pipeline: redactor, traces and status').addCommand(redactCommand(ctx)).addCommand(tracesCommand(ctx)).addCommand(statusCommand(ctx));
}
