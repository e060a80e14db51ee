import type { Selectable, Transaction } from 'kysely';
import { z } from 'zod';
import { can, type Actor } from '../access/permissions.js';
import type { DB, KbArticlesTable, KbStatus } from '../db/schema.js';
import { NexusError } from '../errors.js';
import type { Deps } from '../deps.js';
import { chunkMarkdown, embedPassages, writeChunks } from './chunks.js';
import { embedderOf } from './embedder.js';

export type ArticleRow = Selectable<KbArticlesTable>;

/** One knowledge-base article, the same full document everywhere (CLI --json, API). */
export interface Article {
  id: string;
  slug: string;
  title: string;
  body: string;
  tags: string[];
  locale: string;
  status: KbStatus;
  version: number;
  authorId: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export const toArticle = (r: ArticleRow): Article => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  body: r.body,
  tags: r.tags,
  locale: r.locale,
  status: r.status,
  version: r.version,
  authorId: r.author_id,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  publishedAt: r.published_at?.toISOString() ?? null,
});

export const titleSchema = z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters');
export const bodySchema = z.string().max(200_000, 'must be at most 200000 characters');
export const tagsSchema = z.array(z.string().trim().toLowerCase().min(1).max(50)).max(30).transform((t) => [...new Set(t)]);
export const localeSchema = z.string().trim().regex(/^[a-z]{2}(-[A-Za-z]{2})?$/, 'must be a language code such as en, de or pt-BR');
export const slugSchema = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,119}$/, 'must be lower-case letters, digits and dashes');

/** A slug from a title: "Reset your password!" → "reset-your-password". */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'article';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Staff (kb.write) see drafts; customers and anonymous readers only published articles. */
export const seesDrafts = (actor: Actor | null): boolean => actor !== null && can(actor, 'kb.write');

/**
 * An article by id or slug, locked for update when writing. A draft is NOT_FOUND to readers who may not
 * see drafts, exactly like a missing article.
 */
export async function loadArticle(trx: Transaction<DB>, actor: Actor | null, ref: string, options: { forUpdate?: boolean } = {}): Promise<ArticleRow> {
  let query = trx.selectFrom('kb_articles').selectAll();
  query = UUID.test(ref) ? query.where('id', '=', ref) : query.where('slug', '=', ref.trim().toLowerCase());
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row || (row.status !== 'published' && !seesDrafts(actor))) {
    throw new NexusError('NOT_FOUND', `Article ${ref} not found`, { hint: 'List articles with `nexus kb articles list`.' });
  }
  return row;
}

/** Records the article's current content as its version `row.version`. */
export async function recordVersion(trx: Transaction<DB>, row: ArticleRow, at: Date): Promise<void> {
  await trx
    .insertInto('kb_article_versions')
    .values({ article_id: row.id, version: row.version, title: row.title, body: row.body, tags: row.tags, locale: row.locale, author_id: row.author_id, created_at: at })
    .execute();
}

/** Passages and (outside any transaction) their embeddings for content about to be written. */
export async function preparePassages(deps: Deps, content: { title: string; body: string }) {
  const passages = chunkMarkdown(content.body);
  const vectors = (await embedPassages(await embedderOf(deps), [{ article: content, passages }]))?.[0] ?? null;
  return { passages, vectors };
}

export type PreparedPassages = Awaited<ReturnType<typeof preparePassages>>;

export async function storePassages(deps: Deps, trx: Transaction<DB>, row: ArticleRow, prepared: PreparedPassages): Promise<void> {
  await writeChunks(trx, row, prepared.passages, prepared.vectors, deps.config.search.language);
}

export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string } | null)?.code === '23505';

export const slugTaken = (slug: string) =>
  new NexusError('CONFLICT', `An article with the slug ${slug} already exists`, { hint: 'Choose another --slug, or edit the existing article.' });
