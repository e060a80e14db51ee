import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { parseInput } from '../validation.js';
import { localeSchema, loadArticle, seesDrafts, toArticle, type Article } from './article.js';

export const listArticlesInput = z.object({
  status: z.enum(['draft', 'published']).optional(),
  locale: localeSchema.optional(),
  tag: z.string().trim().toLowerCase().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});
export type ListArticlesInput = z.input<typeof listArticlesInput>;

const badCursor = () =>
  new NexusError('VALIDATION_FAILED', 'Invalid input — cursor: is not a cursor returned by this list', { details: [{ path: 'cursor', message: 'is not a cursor returned by this list' }] });

function decode(cursor: string): { u: string; i: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { u?: unknown; i?: unknown };
    if (typeof v.u === 'string' && typeof v.i === 'string' && !Number.isNaN(Date.parse(v.u))) return { u: v.u, i: v.i };
  } catch {
    // fall through
  }
  throw badCursor();
}

/** Articles, most recently changed first. Customers and anonymous readers get published ones only. */
export async function listArticles(deps: Deps, actor: Actor | null, input: ListArticlesInput = {}): Promise<{ items: Article[]; nextCursor: string | null }> {
  const data = parseInput(listArticlesInput, input);
  let query = deps.db.selectFrom('kb_articles').selectAll();
  if (!seesDrafts(actor)) query = query.where('status', '=', 'published');
  else if (data.status) query = query.where('status', '=', data.status);
  if (data.locale) query = query.where('locale', '=', data.locale);
  if (data.tag) query = query.where((eb) => eb(eb.val(data.tag!), '=', eb.fn.any('tags')));
  if (data.cursor) {
    const c = decode(data.cursor);
    query = query.where((eb) => eb.or([eb('updated_at', '<', new Date(c.u)), eb.and([eb('updated_at', '=', new Date(c.u)), eb('id', '<', c.i)])]));
  }
  const rows = await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(data.limit + 1).execute();
  const page = rows.slice(0, data.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > data.limit && last ? Buffer.from(JSON.stringify({ u: last.updated_at.toISOString(), i: last.id }), 'utf8').toString('base64url') : null;
  return { items: page.map(toArticle), nextCursor };
}

/** One article by id or slug (drafts for staff only). */
export async function getArticle(deps: Deps, actor: Actor | null, input: { article: string }): Promise<Article> {
  return toArticle(await deps.db.transaction().execute((trx) => loadArticle(trx, actor, input.article)));
}

export interface ArticleVersion {
  version: number;
  title: string;
  body: string;
  tags: string[];
  locale: string;
  authorId: string | null;
  createdAt: string;
}

/** Every recorded version of an article, newest first (staff). */
export async function listArticleVersions(deps: Deps, actor: Actor, input: { article: string }): Promise<{ items: ArticleVersion[]; nextCursor: string | null }> {
  if (!seesDrafts(actor)) throw new NexusError('NOT_FOUND', `Article ${input.article} not found`);
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadArticle(trx, actor, input.article);
    const rows = await trx.selectFrom('kb_article_versions').selectAll().where('article_id', '=', row.id).orderBy('version', 'desc').execute();
    return {
      items: rows.map((v) => ({ version: v.version, title: v.title, body: v.body, tags: v.tags, locale: v.locale, authorId: v.author_id, createdAt: v.created_at.toISOString() })),
      nextCursor: null,
    };
  });
}
