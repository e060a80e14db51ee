// Holds an embedded data folder the way a long-running nexus command would: opens it, says "ready",
// and keeps it until stdin closes. Used to test what a second process sees.
import { openDatabase } from '../../src/core/db/database.js';

const database = await openDatabase({ dataDir: process.argv[2]!, command: 'nexus test-holder' });
await database.db.insertInto('users').values({ email: 'held@example.com', password_hash: null }).onConflict((oc) => oc.doNothing()).execute().catch(() => {});
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', async () => {
  await database.close();
  process.stdout.write('closed\n');
});
