import type { Command } from 'commander';
import type { CliContext } from './context.js';

/**
 * Every top-level command, with a loader. Only the command that is run gets imported, so start-up
 * stays close to bare node; `nexus --help` lists them all from this table.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  /** Run by nexus itself; left out of --help. */
  hidden?: boolean;
  load: () => Promise<{ command: (ctx: CliContext) => Command }>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'init', summary: 'Create the desk: data folder, secret key, schema and the first admin', load: () => import('./init.js') },
  { name: 'login', summary: 'Log in to this desk', load: () => import('./login.js') },
  { name: 'logout', summary: 'End your session on this desk', load: () => import('./logout.js') },
  { name: 'whoami', summary: 'Show who you are logged in as', load: () => import('./whoami.js') },
  { name: 'tickets', summary: 'Work with tickets: list, view, reply, assign, close, …', load: () => import('./tickets/index.js') },
  { name: 'stats', summary: 'Desk numbers: tickets by status and priority, backlog, response times (staff)', load: () => import('./stats.js') },
  { name: 'tags', summary: 'The tag catalogue: list, create, rename, delete', load: () => import('./tags/index.js') },
  { name: 'categories', summary: 'The category catalogue: list, create, rename, delete', load: () => import('./categories/index.js') },
  { name: 'users', summary: 'Manage accounts and roles (admin)', load: () => import('./users/index.js') },
  { name: 'db', summary: 'Database migrations and status', load: () => import('./db/index.js') },
  { name: 'config', summary: 'Show and change settings', load: () => import('./config/index.js') },
  { name: 'serve', summary: 'Run the REST API and the background workers', load: () => import('./serve.js') },
  { name: 'worker', summary: 'Run the background jobs (AI replies) until stopped', load: () => import('./worker.js') },
  { name: 'email', summary: 'Mail: the outbox of outgoing mail', load: () => import('./email/index.js') },
  { name: 'ai', summary: 'The AI reply pipeline: redactor, traces and status', load: () => import('./ai/index.js') },
  { name: 'owner', summary: 'Show or stop the background process that holds the embedded database', load: () => import('./owner.js') },
  { name: 'sla', summary: 'Service levels: explain a ticket, report, check; policies and calendars', load: () => import('./sla/index.js') },
  { name: 'routing', summary: 'Routing rules for new tickets: list, create, move, test', load: () => import('./routing/index.js') },
  { name: 'groups', summary: 'Agent groups for routing (round-robin, least-loaded)', load: () => import('./groups/index.js') },
  { name: 'kb', summary: 'The knowledge base: articles (list, show, create, edit, publish, import) and search', load: () => import('./kb/index.js') },
  // issue 9: backup, restore and moving a desk
  { name: 'backup', summary: 'Write a consistent snapshot of the desk (database and attachments) to a file', load: () => import('./backup.js') },
  { name: 'restore', summary: 'Restore a backup into an empty data folder or database', load: () => import('./restore.js') },
  { name: 'export', summary: 'Write the whole desk as portable JSON Lines', load: () => import('./export.js') },
  { name: 'import', summary: 'Load an export into an empty desk (e.g. a new Postgres server)', load: () => import('./import.js') },
  { name: 'doctor', summary: 'Check what is configured and what is missing', load: () => import('./doctor.js') },
  // issue 12: the agents' terminal UI
  { name: 'tui', summary: "The agents' queue in the terminal (interactive)", load: () => import('./tui.js') },
  { name: 'completion', summary: 'Print a shell completion script: bash, zsh or fish', load: () => import('./completion.js') },
];
