import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKGROUND_OWNER_ENV, CliSandbox } from '../support/cli.js';

// The knowledge base through the built binary: import the project's evaluation articles, list,
// show, search, edit as a new version, unpublish; tickets similar answers on a desk without tickets alike.
// As by default, a background owner holds the embedded database between the commands.
const sandbox = new CliSandbox(BACKGROUND_OWNER_ENV);
afterAll(() => sandbox.stopOwnerAndCleanup());

async function ok(...args: string[]) {
  const result = await sandbox.run([...args, '--verbose']);
  expect(result.code, `nexus ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

describe('nexus kb (built binary)', () => {
  it('imports a folder, lists, shows, searches, edits as a version and unpublishes', async () => {
    sandbox.initFromTemplate();
    const imported = (await ok('kb', 'articles', 'import', resolve(import.meta.dirname, '../fixtures/kb/articles'), '--json')).json();
    expect(imported.items.length).toBeGreaterThanOrEqual(20);
    expect(imported.nextCursor).toBeNull();

    const page = (await ok('kb', 'articles', 'list', '--limit', '5', '--json')).json();
    expect(page.items).toHaveLength(5);
    expect(page.nextCursor).toEqual(expect.any(String));

    const shown = (await ok('kb', 'articles', 'show', 'returns', '--json')).json();
    expect(shown).toMatchObject({ slug: 'returns', status: 'published', locale: 'en', version: 1, publishedAt: expect.any(String) });

    const search = (await ok('kb', 'search', 'how', 'long', 'to', 'send', 'something', 'back', '--json')).json();
    expect(search).toMatchObject({ mode: 'fulltext', nextCursor: null });
    expect(search.items.slice(0, 3).map((h: { article: { slug: string } }) => h.article.slug)).toContain('returns');

    const edited = (await ok('kb', 'articles', 'edit', 'returns', '--title', 'Return an item within 30 days', '--json')).json();
    expect(edited).toMatchObject({ version: 2, status: 'published' });
    expect((await ok('kb', 'articles', 'show', 'returns', '--versions', '--json')).json().items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await ok('kb', 'articles', 'unpublish', 'returns', '--json')).json()).toMatchObject({ status: 'draft' });
    const again = await sandbox.run(['kb', 'articles', 'unpublish', 'returns']);
    expect(again.code).toBe(6);
    expect(again.stderr).toContain('not published');
  }, 300_000);
});
