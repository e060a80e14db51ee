import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { createCommand } from './create.js';
import { editCommand } from './edit.js';
import { importCommand } from './import.js';
import { listCommand } from './list.js';
import { publishCommand } from './publish.js';
import { removeCommand } from './remove.js';
import { searchCommand } from './search.js';
import { showCommand } from './show.js';
import { unpublishCommand } from './unpublish.js';

/** `nexus kb articles <verb>` and `nexus kb search`: the knowledge base. */
export function command(ctx: CliContext): Command {
  const articles = new Command('articles')
    .description('Knowledge-base articles: list, show (everyone: published); create, edit, publish, unpublish, import (staff); remove (admin)')
    .addCommand(listCommand(ctx))
    .addCommand(showCommand(ctx))
    .addCommand(createCommand(ctx))
    .addCommand(editCommand(ctx))
    .addCommand(publishCommand(ctx))
    .addCommand(unpublishCommand(ctx))
    .addCommand(removeCommand(ctx))
    .addCommand(importCommand(ctx));
  return new Command('kb').description('The knowledge base: articles and search').addCommand(articles).addCommand(searchCommand(ctx));
}
