import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.js';
import { ownFixturePath } from '../../../../test/support/fixtures.js';
import { scoreEmailCase, type EmailCase } from './score-case.js';

/**
 * The repository's own held-out mail corpora (same format as the shared email-dev set, fixtures
 * README §2): `email-holdout` was written before the rules were widened and scored "before";
 * `email-holdout-2` was written afterwards (one rule was added after its blind score), and
 * `email-holdout-3` after that, never tuned against. Each case runs on a fresh desk,
 * so a rule that regresses on unseen mail shows up here by case name. The rules do not depend on the
 * database, so this runs on PGlite only (the faster of the two here); the ingestion SQL is tested on
 * both databases by ingest-message.db.test.ts and the email-dev corpus there.
 */
const t = useTestDatabase();

const casesOf = (corpus: string): string[] =>
  readdirSync(ownFixturePath(corpus), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

for (const corpus of ['email-holdout', 'email-holdout-2', 'email-holdout-3']) {
  describe(corpus, () => {
    it.each(casesOf(corpus))('%s: every decision is right', async (name) => {
      const dir = join(ownFixturePath(corpus), name);
      const spec = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as EmailCase;
      const admin = await t.user('admin');
      const scored = await scoreEmailCase(spec, {
        read: (file) => new Uint8Array(readFileSync(join(dir, file))),
        ingest: async (file, raw) => (await t.services.email.ingestFiles(admin, { mailbox: spec.mailbox, files: [{ name: file, raw }] }))[0]!,
      });
      expect(scored.length).toBe(spec.messages.length);
      expect(scored.filter((s) => !s.ok)).toEqual([]);
    });
  });
}
