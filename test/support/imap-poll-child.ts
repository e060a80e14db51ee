// Runs one IMAP poll of an account against a Postgres test database, printing each ingested UID, so
// a test can SIGKILL it mid-batch. argv: <database url> <account id> <secret key>
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { systemClock } from '../../src/core/clock.js';
import { parseConfig } from '../../src/core/config/parse-config.js';
import type { DB } from '../../src/core/db/schema.js';
import { pollAccountOnce } from '../../src/core/email/inbound/imap-poller.js';
import { createServices } from '../../src/core/services.js';

const [url, accountId, secretKey] = process.argv.slice(2) as [string, string, string];
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) });
const config = parseConfig({ defaults: { dataDir: '/nonexistent', secretKey } }).config;
const { deps } = createServices({ db, clock: systemClock, config });
const account = await db.selectFrom('email_accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
const report = await pollAccountOnce(deps, account, { onIngested: (uid, decision) => process.stdout.write(`${uid} ${decision}\n`) });
process.stdout.write(`done ${JSON.stringify(report)}\n`);
await db.destroy();
