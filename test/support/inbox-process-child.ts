// Runs the webhook inbox processor against a Postgres test database, printing each processed row, so a
// test can SIGKILL it mid-run. Loops until no row is left waiting (a row claimed by a killed run comes
// back when its short lease expires). argv: <database url> <secret key> <lease seconds>
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { systemClock } from '../../src/core/clock.js';
import { parseConfig } from '../../src/core/config/parse-config.js';
import type { DB } from '../../src/core/db/schema.js';
import { processInbox } from '../../src/core/email/inbound/webhook-inbox.js';
import { createServices } from '../../src/core/services.js';

const [url, secretKey, lease] = process.argv.slice(2) as [string, string, string];
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) });
const config = parseConfig({ defaults: { dataDir: '/nonexistent', secretKey } }).config;
const { deps } = createServices({ db, clock: systemClock, config });
for (;;) {
  await processInbox(deps, { leaseSeconds: Number(lease), onProcessed: (id, result) => process.stdout.write(`${id} ${result.decision}\n`) });
  const left = await db.selectFrom('email_inbox').select('id').where('status', '<>', 'done').execute();
  if (left.length === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 250));
}
process.stdout.write('done\n');
await db.destroy();
