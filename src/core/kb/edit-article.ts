import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { parseInput } from '../validation.js';
import { bodySchema, loadArticle, localeSchema, preparePassages, recordVersion, storePassages, tagsSchema, titleSchema, toArticle, type Article } from './article.js';

export const editArticleInput = z.object({
  article: z.string().trim().min(1),
  title: titleSchema.optional(),
  body: bodySchema.optional(),
  tags: tagsSchema.optional(),
  locale: localeSchema.optional(),
});
export type EditArticleInput = z.input<typeof editArticleInput>;

/**
 * Changes an article and records the result as a new version. A published article stays published
 * (the change is live); a draft stays a draft.
 */
export async function editArticle(deps: Deps, actor: Actor, input: EditArticleInput): Promise<Article> {
  authorize(actor, 'kb.write');
  const data = parseInput(editArticleInput, input);
  if (data.title === undefined && data.body === undefined && data.tags === undefined && data.locale === undefined) {
    throw new NexusError('VALIDATION_FAILED', 'Invalid input — nothing to change', { details: [{ path: '(input)', message: 'give a title, body, tags or locale' }] });
  }
  const current = await deps.db.transaction().execute((trx) => loadArticle(trx, actor, data.article));
  const next = { title: data.title ?? current.title, body: data.body ?? current.body };
  const prepared = await preparePassages(deps, next);
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadArticle(trx, actor, data.article, { forUpdate: true });
    if (row.status === 'published' && next.body.trim() === '') {
      throw new NexusError('VALIDATION_FAILED', 'Invalid input — body: a published article needs a body', { details: [{ path: 'body', message: 'must not be empty on a published article' }] });
    }
    const now = deps.clock.now();
    const updated = await trx
      .updateTable('kb_articles')
      .set({ ...next, tags: data.tags ?? row.tags, locale: data.locale ?? row.locale, version: row.version + 1, author_id: actor.id, updated_at: now })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordVersion(trx, updated, now);
    await storePassages(deps, trx, updated, prepared);
    return toArticle(updated);
  });
}
