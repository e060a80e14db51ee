import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { loadArticle, toArticle, type Article } from './article.js';

/**
 * Publishes a draft (customers and the AI see it from now on) or takes a published article back to
 * draft. Rules: only a draft can be published, and only with a title and a body; only a published
 * article can be unpublished.
 */
export async function setArticlePublished(deps: Deps, actor: Actor, input: { article: string; published: boolean }): Promise<Article> {
  authorize(actor, 'kb.write');
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadArticle(trx, actor, input.article, { forUpdate: true });
    if (input.published && row.status === 'published') throw new NexusError('CONFLICT', `Article ${row.slug} is already published`);
    if (!input.published && row.status === 'draft') throw new NexusError('CONFLICT', `Article ${row.slug} is not published`);
    if (input.published && row.body.trim() === '') {
      throw new NexusError('VALIDATION_FAILED', 'Invalid input — body: an article needs a body before it is published', {
        details: [{ path: 'body', message: 'must not be empty to publish' }],
        hint: `Add one with \`nexus kb articles edit ${row.slug} --body-file FILE\`.`,
      });
    }
    const now = deps.clock.now();
    const updated = await trx
      .updateTable('kb_articles')
      .set({ status: input.published ? 'published' : 'draft', published_at: input.published ? now : null, updated_at: now })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toArticle(updated);
  });
}
