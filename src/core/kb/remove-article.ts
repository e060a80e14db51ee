import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { loadArticle, toArticle, type Article } from './article.js';

/** Deletes an article with its versions and passages (admin: kb.manage). Returns what was removed. */
export async function removeArticle(deps: Deps, actor: Actor, input: { article: string }): Promise<Article> {
  authorize(actor, 'kb.manage');
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadArticle(trx, actor, input.article, { forUpdate: true });
    await trx.deleteFrom('kb_articles').where('id', '=', row.id).execute();
    return toArticle(row);
  });
}
