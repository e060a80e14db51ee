import { describe, expect, it } from 'vitest';
import { testConfig, useTestDatabase } from '../../../test/support/db.js';
import type { Actor } from '../access/permissions.js';
import { createServices } from '../services.js';
import { createHashEmbedder, hashEmbedding } from './hash-embedder.fake.js';
import { passageText } from './chunks.js';
import { sql } from 'kysely';
import { bytesVector, vectorBytes, vectorCode } from './vector-codec.js';

// The search path of migration 20261201135100: stored documents and vectors kept in step with the
// articles, bounded candidates, Hamming pre-filter. Runs on PGlite and on the Postgres server.
const t = useTestDatabase();
const embedder = createHashEmbedder();

const hybrid = () => createServices({ ...t.deps, ai: { embedder } });
const fulltext = () => createServices({ ...t.deps, ai: { embedder: null } });

async function stored(articleId: string) {
  const chunks = await t.db.selectFrom('kb_chunks').select(['id', 'status', 'locale', 'config', 'embedding', 'embedding_model', 'heading', 'body']).where('article_id', '=', articleId).orderBy('ordinal').execute();
  const vectors = await t.db
    .selectFrom('kb_chunk_vectors')
    .innerJoin('kb_chunks', 'kb_chunks.id', 'kb_chunk_vectors.chunk_id')
    .select(['kb_chunk_vectors.chunk_id', 'kb_chunk_vectors.status', 'kb_chunk_vectors.locale', 'kb_chunk_vectors.model', 'kb_chunk_vectors.bits'])
    .where('kb_chunks.article_id', '=', articleId)
    .execute();
  return { chunks, vectors };
}

const slugs = async (reader: Actor | null, q: string, mode: 'fulltext' | 'hybrid', options: { drafts?: boolean } = {}) => {
  const result = await (mode === 'hybrid' ? hybrid() : fulltext()).kb.search(reader, { q, ...options });
  expect(result.mode).toBe(mode);
  return result.items.map((h) => h.article.slug);
};

describe('knowledge-base search index', () => {
  it('Given published and draft articles, When customers, anonymous readers and staff search in both modes, Then only staff asking for drafts see drafts', async () => {
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    const kb = hybrid().kb;
    const pub = await kb.create(agent, { title: 'Parcel delays', body: 'Parcels may arrive late during holidays.' });
    await kb.publish(agent, { article: pub.id });
    await kb.create(agent, { title: 'Parcel strike plan', body: 'Internal: parcels are held by the carrier strike.' });
    for (const mode of ['fulltext', 'hybrid'] as const) {
      for (const reader of [customer, null]) {
        expect(await slugs(reader, 'parcels strike', mode, { drafts: true })).toEqual(['parcel-delays']);
        // Hybrid search returns the nearest published passages whatever they say; never the draft.
        expect(await slugs(reader, 'carrier strike held', mode, { drafts: true })).toEqual(mode === 'hybrid' ? ['parcel-delays'] : []);
      }
      expect((await slugs(agent, 'parcels strike', mode, { drafts: true })).sort()).toEqual(['parcel-delays', 'parcel-strike-plan']);
      expect(await slugs(agent, 'carrier strike held', mode)).toEqual(mode === 'hybrid' ? ['parcel-delays'] : []);
      expect((await slugs(agent, 'carrier strike held', mode, { drafts: true }))[0]).toBe('parcel-strike-plan');
    }
  });

  it('Given an article with vectors, When it is edited, unpublished, republished and removed, Then its stored documents and vectors follow each step', async () => {
    const agent = await t.user('agent');
    const admin = await t.user('admin');
    const kb = hybrid().kb;
    const a = await kb.create(agent, { title: 'Gift wrapping', body: '## Wrapping\n\nChoose gift wrapping at checkout.\n\n## Price\n\nWrapping costs two euros.' });
    let s = await stored(a.id);
    expect(s.chunks.map((c) => [c.status, c.locale, c.config, c.embedding_model])).toEqual([
      ['draft', 'en', 'english', embedder.model],
      ['draft', 'en', 'english', embedder.model],
    ]);
    // The stored vector is the model's (float4) and its code is the one the search compares.
    const expected = hashEmbedding(passageText({ title: 'Gift wrapping' }, { heading: 'Wrapping', body: 'Choose gift wrapping at checkout.' }));
    expect(Array.from(bytesVector(s.chunks[0]!.embedding!)!).map((x) => Number(x.toFixed(5)))).toEqual(expected.map((x) => Number(Math.fround(x).toFixed(5))));
    expect(s.vectors.find((v) => v.chunk_id === s.chunks[0]!.id)?.bits).toBe(vectorCode(expected));
    expect(s.vectors.map((v) => [v.status, v.model])).toEqual([
      ['draft', embedder.model],
      ['draft', embedder.model],
    ]);

    await kb.publish(agent, { article: a.id });
    s = await stored(a.id);
    expect([...s.chunks.map((c) => c.status), ...s.vectors.map((v) => v.status)]).toEqual(['published', 'published', 'published', 'published']);
    expect(await slugs(null, 'wrapping price', 'hybrid')).toEqual(['gift-wrapping']);

    await kb.edit(agent, { article: a.id, body: 'Ribbons are free with every order.' });
    s = await stored(a.id);
    expect(s.chunks).toHaveLength(1);
    expect(s.vectors.map((v) => v.chunk_id)).toEqual([s.chunks[0]!.id]);
    expect(s.vectors[0]!.status).toBe('published');
    expect(await slugs(null, 'ribbons', 'fulltext')).toEqual(['gift-wrapping']);
    expect(await slugs(null, 'checkout', 'fulltext')).toEqual([]);

    await kb.unpublish(agent, { article: a.id });
    s = await stored(a.id);
    expect([...s.chunks.map((c) => c.status), ...s.vectors.map((v) => v.status)]).toEqual(['draft', 'draft']);
    expect(await slugs(null, 'ribbons', 'fulltext')).toEqual([]);
    expect(await slugs(null, 'ribbons', 'hybrid')).toEqual([]);

    await kb.edit(agent, { article: a.id, locale: 'de' });
    s = await stored(a.id);
    expect([s.chunks[0]!.locale, s.chunks[0]!.config, s.vectors[0]!.locale]).toEqual(['de', 'german', 'de']);

    await kb.publish(agent, { article: a.id });
    expect(await slugs(null, 'ribbons', 'hybrid')).toEqual(['gift-wrapping']);
    await kb.remove(admin, { article: a.id });
    expect(await t.db.selectFrom('kb_chunks').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('kb_chunk_vectors').select('chunk_id').execute()).toEqual([]);
    expect(await slugs(null, 'ribbons', 'hybrid')).toEqual([]);
  });

  it('Given accented articles, When searched without accents or with them, Then they are found like ticket search finds them', async () => {
    const agent = await t.user('agent');
    const kb = fulltext().kb;
    const de = await kb.create(agent, { title: 'Rückerstattung beantragen', body: 'Die Rückerstattung dauert fünf Werktage.', locale: 'de' });
    const fr = await kb.create(agent, { title: 'Problème de livraison', body: 'Votre colis est arrivé endommagé ? Écrivez-nous.', locale: 'fr' });
    for (const a of [de, fr]) await kb.publish(agent, { article: a.id });
    expect(await slugs(null, 'ruckerstattung', 'fulltext')).toEqual(['ruckerstattung-beantragen']);
    expect(await slugs(null, 'Rückerstattungen', 'fulltext')).toEqual(['ruckerstattung-beantragen']);
    expect(await slugs(null, 'probleme livraison', 'fulltext')).toEqual(['probleme-de-livraison']);
    expect(await slugs(null, 'ENDOMMAGÉ', 'fulltext')).toEqual(['probleme-de-livraison']);
  });

  it('Given a locale without a stemmer of its own, Then its passages use the desk search.language', async () => {
    const agent = await t.user('agent');
    const german = createServices({ ...t.deps, config: testConfig({ search: { language: 'german' } }), ai: { embedder: null } });
    const a = await german.kb.create(agent, { title: 'Versand nach Polen', body: 'Pakete nach Polen brauchen drei Tage.', locale: 'pl' });
    const b = await german.kb.create(agent, { title: 'Shipping to Poland', body: 'Parcels take three days.', locale: 'en' });
    for (const x of [a, b]) await german.kb.publish(agent, { article: x.id });
    expect((await stored(a.id)).chunks.map((c) => c.config)).toEqual(['german']);
    expect((await stored(b.id)).chunks.map((c) => c.config)).toEqual(['english']);
    // German stemming on the Polish-locale article, English on the other; one question reaches both.
    expect((await german.kb.search(null, { q: 'Paket' })).items.map((h) => h.article.slug)).toEqual(['versand-nach-polen']);
    expect((await german.kb.search(null, { q: 'parcel' })).items.map((h) => h.article.slug)).toEqual(['shipping-to-poland']);
  });

  it('Given many passages sharing a common word, When the question has a rare word too, Then the rare word picks the candidates and the best passage still ranks first', async () => {
    const agent = await t.user('agent');
    const kb = fulltext().kb;
    for (let i = 0; i < 12; i++) {
      const a = await kb.create(agent, { title: `Account topic ${i}`, body: `Your account settings, part ${i}.` });
      await kb.publish(agent, { article: a.id });
    }
    const target = await kb.create(agent, { title: 'Account recovery codes', body: 'Keep your recovery codes for your account somewhere safe.' });
    await kb.publish(agent, { article: target.id });
    expect((await slugs(null, 'account recovery', 'fulltext'))[0]).toBe('account-recovery-codes');
    expect(await slugs(null, 'account', 'fulltext')).toHaveLength(10);
  });

  it('Given vectors stored as real[] before migration 20261201135100, Then its conversions give the bytes and codes the application writes', async () => {
    const vector = hashEmbedding('Where is my parcel? It was shipped on Monday.');
    const literal = `{${vector.map((x) => x.toFixed(6)).join(',')}}`;
    const { rows } = await sql<{ bytes: Buffer; code: string }>`select kb_vector_bytes(${literal}::real[]) as bytes, kb_vector_code(${literal}::real[]) as code`.execute(t.db);
    const stored = vector.map((x) => Number(x.toFixed(6)));
    expect(rows[0]!.bytes.equals(vectorBytes(stored))).toBe(true);
    expect(rows[0]!.code).toBe(vectorCode(stored));
  });
});
