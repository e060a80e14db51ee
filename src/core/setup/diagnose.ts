import { hostOf } from '../ai/ai-runtime.js';
import type { NexusConfig } from '../config/schema.js';

export type CheckLevel = 'ok' | 'warn' | 'fail';

export interface Check {
  name: string;
  level: CheckLevel;
  message: string;
  hint?: string;
}

export interface DiagnoseInput {
  config: NexusConfig;
  nodeVersion: string;
  database: { target: string; current: boolean; pending: number; admins: number } | { target: string; error: string };
}

function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** What is configured and what is missing, as a list of checks `nexus doctor` prints. Pure. */
export function diagnose(input: DiagnoseInput): Check[] {
  const { config } = input;
  const checks: Check[] = [];
  checks.push(
    compareVersions(input.nodeVersion, '20.19.0') >= 0
      ? { name: 'node', level: 'ok', message: `Node ${input.nodeVersion}` }
      : { name: 'node', level: 'fail', message: `Node ${input.nodeVersion} is too old`, hint: 'Install Node 20.19 or newer.' },
  );
  const db = input.database;
  if ('error' in db) {
    checks.push({ name: 'database', level: 'fail', message: `${db.target}: ${db.error}`, hint: 'Check NEXUS_DATABASE_URL, or run `nexus init`.' });
  } else {
    checks.push({ name: 'database', level: 'ok', message: `reachable: ${db.target}` });
    checks.push(
      db.current
        ? { name: 'migrations', level: 'ok', message: 'schema is current' }
        : { name: 'migrations', level: 'fail', message: `${db.pending} migration(s) pending`, hint: 'Run `nexus db migrate`.' },
    );
    checks.push(
      db.admins > 0
        ? { name: 'admin', level: 'ok', message: `${db.admins} active admin(s)` }
        : { name: 'admin', level: 'fail', message: 'no active admin', hint: 'Run `nexus init --admin-email … --admin-password …`.' },
    );
  }
  checks.push(
    config.secretKey
      ? { name: 'secret key', level: 'ok', message: 'set' }
      : { name: 'secret key', level: 'fail', message: 'NEXUS_SECRET_KEY is not set', hint: config.databaseUrl ? 'Set NEXUS_SECRET_KEY (the same value on every server).' : 'Run `nexus init` to generate one.' },
  );
  if (!config.ai.enabled) checks.push({ name: 'ai', level: 'warn', message: 'AI replies are turned off (ai.enabled=false); tickets go to the human queue' });
  else if (!config.ai.apiKey) {
    checks.push({ name: 'ai', level: 'warn', message: 'OPENAI_API_KEY is not set: AI replies are off and tickets go straight to the human queue', hint: 'Set OPENAI_API_KEY (and NEXUS_AI_BASE_URL for another OpenAI-compatible endpoint).' });
  } else checks.push({ name: 'ai', level: 'ok', message: `model ${config.ai.model}${config.ai.baseUrl ? ` at ${hostOf(config.ai.baseUrl)}` : ''}` });
  const supabase = config.storage.supabaseUrl && config.storage.supabaseServiceRoleKey;
  if (config.storage.supabaseUrl && !config.storage.supabaseServiceRoleKey) {
    checks.push({ name: 'attachments', level: 'fail', message: 'SUPABASE_URL is set but SUPABASE_SERVICE_ROLE_KEY is not', hint: 'Set both, or neither to keep attachments in the data folder.' });
  } else {
    checks.push({ name: 'attachments', level: 'ok', message: supabase ? `Supabase Storage bucket "${config.storage.bucket}"` : `local folder in ${config.dataDir}` });
  }
  checks.push(
    config.corsOrigins.length > 0
      ? { name: 'cors', level: 'ok', message: `allowed origins: ${config.corsOrigins.join(', ')}` }
      : { name: 'cors', level: 'ok', message: 'no browser origins allowed (the default)' },
  );
  return checks;
}
