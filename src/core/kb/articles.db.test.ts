import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { createServices } from '../services.js';
import { failureOf } from '../../../test/support/catalogue-fixtures.js';
import { createHashEmbedder } from './hash-embedder.fake.js';

const t = useTestDatabase();

const body = '## Resetting\n\nOpen the sign-in page and choose "Forgot password". We email you a link that works for one hour.\n\n## No email?\n\nCheck the spam folder, then ask us to resend it.';

describe('knowledge base articles', () => {
  it('Given an agent, When they create, edit, publish and unpublish an article, Then each change is a rule-checked step and edits are versions', async () => {
    const agent = await t.user('agent');
    const kb = t.services.kb;
    const created = await kb.create(agent, { title: 'Reset your password', body, tags: ['Account', 'login'], locale: 'en' });
    expect(created).toMatchObject({ slug: 'reset-your-password', status: 'draft', version: 1, tags: ['account', 'login'], locale: 'en', publishedAt: null, authorId: agent.id });

    const edited = await kb.edit(agent, { article: created.slug, title: 'Reset a forgotten password' });
    expect(edited).toMatchObject({ version: 2, title: 'Reset a forgotten password', body, status: 'draft' });
    expect((await kb.versions(agent, { article: created.id })).items.map((v) => [v.version, v.title])).toEqual([
      [2, 'Reset a forgotten password'],
      [1, 'Reset your password'],
    ]);

    t.clock.advance(60_000);
    const published = await kb.publish(agent, { article: created.id });
    expect(published).toMatchObject({ status: 'published', publishedAt: t.clock.now().toISOString() });
    expect(await failureOf(kb.publish(agent, { article: created.id }))).toMatchObject({ code: 'CONFLICT' });

    const live = await kb.edit(agent, { article: created.id, body: `${body}\n\nUpdated.` });
    expect(live).toMatchObject({ status: 'published', version: 3 });
    expect(await failureOf(kb.edit(agent, { article: created.id, body: '  ' }))).toMatchObject({ code: 'VALIDATION_FAILED' });

    expect(await kb.unpublish(agent, { article: created.id })).toMatchObject({ status: 'draft', publishedAt: null });
    expect(await failureOf(kb.unpublish(agent, { article: created.id }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('Given an empty draft, When it is published, Then it is refused naming the body', async () => {
    const admin = await t.user('admin');
    const draft = await t.services.kb.create(admin, { title: 'Coming soon' });
    expect(await failureOf(t.services.kb.publish(admin, { article: draft.id }))).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body', message: 'must not be empty to publish' }] });
  });

  it('Given a slug in use, When another article takes it, Then CONFLICT', async () => {
    const agent = await t.user('agent');
    await t.services.kb.create(agent, { title: 'Shipping', body: 'x' });
    expect(await failureOf(t.services.kb.create(agent, { title: 'Shipping', body: 'y' }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('Given customers and anonymous readers, Then they see published articles only, and drafts answer like missing ones', async () => {
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    const kb = t.services.kb;
    const pub = await kb.create(agent, { title: 'Delivery times', body: 'Parcels arrive in two to four working days.' });
    await kb.publish(agent, { article: pub.id });
    const draft = await kb.create(agent, { title: 'Delivery strike plan', body: 'Internal: parcels are delayed by the strike.' });

    for (const reader of [customer, null]) {
      expect((await kb.list(reader)).items.map((a) => a.slug)).toEqual(['delivery-times']);
      expect((await kb.list(reader, { status: 'draft' })).items.map((a) => a.slug)).toEqual(['delivery-times']);
      expect(await kb.get(reader, { article: pub.slug })).toMatchObject({ id: pub.id, status: 'published' });
      const missing = await failureOf(kb.get(reader, { article: 'no-such-article' }));
      expect(await failureOf(kb.get(reader, { article: draft.slug }))).toEqual({ ...missing, message: missing.message.replace('no-such-article', draft.slug) });
      expect((await kb.search(reader, { q: 'parcels delayed', drafts: true })).items.map((h) => h.article.slug)).toEqual(['delivery-times']);
    }
    expect((await kb.list(agent)).items.map((a) => a.slug).sort()).toEqual(['delivery-strike-plan', 'delivery-times']);
    expect((await kb.search(agent, { q: 'strike', drafts: true })).items.map((h) => h.article.slug)).toEqual(['delivery-strike-plan']);
    expect((await kb.search(agent, { q: 'strike' })).items).toEqual([]);
  });

  it('Given a customer or an agent, Then the permission table decides who writes and who removes', async () => {
    const customer = await t.user('customer');
    const agent = await t.user('agent');
    const admin = await t.user('admin');
    const kb = t.services.kb;
    expect(await failureOf(kb.create(customer, { title: 'Mine', body: 'x' }))).toMatchObject({ code: 'FORBIDDEN' });
    const article = await kb.create(agent, { title: 'Returns', body: 'Return within 30 days.' });
    await kb.publish(agent, { article: article.id });
    expect(await failureOf(kb.edit(customer, { article: article.id, title: 'Hacked' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failureOf(kb.unpublish(customer, { article: article.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failureOf(kb.remove(agent, { article: article.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await kb.remove(admin, { article: article.id })).toMatchObject({ id: article.id });
    expect(await t.db.selectFrom('kb_chunks').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('kb_article_versions').select('version').execute()).toEqual([]);
  });

  it('Given many articles, When listed page by page, Then every article comes once and the last page has no cursor', async () => {
    const agent = await t.user('agent');
    for (let i = 0; i < 5; i++) {
      await t.services.kb.create(agent, { title: `Article ${i}`, body: 'x' });
      t.clock.advance(1000);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.services.kb.list(agent, { limit: 2, cursor });
      seen.push(...page.items.map((a) => a.slug));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['article-4', 'article-3', 'article-2', 'article-1', 'article-0']);
    expect(await failureOf(t.services.kb.list(agent, { cursor: 'nonsense' }))).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'cursor' }] });
  });

  it('Given a folder of Markdown with front matter, When imported twice, Then articles are created, then left unchanged or updated as versions', async () => {
    const agent = await t.user('agent');
    const dir = await mkdtemp(join(tmpdir(), 'nexus-kb-'));
    try {
      await mkdir(join(dir, 'de'));
      await writeFile(join(dir, 'returns.md'), '---\ntitle: Returning an item\ntags: [returns, orders]\nstatus: published\n---\nSend it back within 30 days with the label from your account.\n');
      await writeFile(join(dir, 'de', 'rueckgabe.md'), '---\nlocale: de\npublished: true\n---\n# Rücksendungen\n\nSchicken Sie Artikel innerhalb von 30 Tagen zurück.\n');
      await writeFile(join(dir, 'notes.txt'), 'not markdown');
      const first = await t.services.kb.import(agent, { dir });
      expect(first.items.map((i) => [i.file, i.action, i.article.slug, i.article.title, i.article.status, i.article.locale])).toEqual([
        [join('de', 'rueckgabe.md'), 'created', 'rueckgabe', 'Rücksendungen', 'published', 'de'],
        ['returns.md', 'created', 'returns', 'Returning an item', 'published', 'en'],
      ]);
      await writeFile(join(dir, 'returns.md'), '---\ntitle: Returning an item\ntags: [returns]\nstatus: published\n---\nSend it back within 60 days.\n');
      const second = await t.services.kb.import(agent, { dir });
      expect(second.items.map((i) => [i.article.slug, i.action, i.article.version])).toEqual([
        ['rueckgabe', 'unchanged', 1],
        ['returns', 'updated', 2],
      ]);
      // German stemming: "Rücksendung" finds "Rücksendungen", in its own language configuration.
      expect((await t.services.kb.search(null, { q: 'Rücksendung', locale: 'de' })).items.map((h) => h.article.slug)).toEqual(['rueckgabe']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('Given no embedding model, Then search is full text; given one, Then hybrid, and both find the article', async () => {
    const agent = await t.user('agent');
    const a = await t.services.kb.create(agent, { title: 'Reset your password', body });
    await t.services.kb.publish(agent, { article: a.id });
    const b = await t.services.kb.create(agent, { title: 'Change your delivery address', body: 'Before the parcel ships, edit the address under Orders.' });
    await t.services.kb.publish(agent, { article: b.id });

    const plain = await t.services.kb.search(null, { q: 'I forgot my password' });
    expect(plain.mode).toBe('fulltext');
    expect(plain.items[0]).toMatchObject({ article: { slug: 'reset-your-password' }, passage: { heading: 'Resetting' } });
    expect(plain.items[0]!.match).toBeGreaterThan(0.5);

    const hybrid = createServices({ ...t.deps, ai: { embedder: createHashEmbedder() } });
    const edited = await hybrid.kb.edit(agent, { article: b.id, body: 'Before the parcel ships, edit the delivery address under Orders.' });
    expect(edited.version).toBe(2);
    const result = await hybrid.kb.search(null, { q: 'deliveries addresses' });
    expect(result.mode).toBe('hybrid');
    expect(result.items[0]?.article.slug).toBe('change-your-delivery-address');
  });
});
