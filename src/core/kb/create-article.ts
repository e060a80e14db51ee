import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { bodySchema, isUniqueViolation, localeSchema, preparePassages, recordVersion, slugify, slugSchema, slugTaken, storePassages, tagsSchema, titleSchema, toArticle, type Article } from './article.js';

export const createArticleInput = z.object({
  title: titleSchema,
  body: bodySchema.default(''),
  tags: tagsSchema.default([]),
  locale: localeSchema.default('en'),
  slug: slugSchema.optional(),
});
export type CreateArticleInput = z.input<typeof createArticleInput>;

/** A new article, always a draft (version 1); staff only (kb.write). */
export async function createArticle(deps: Deps, actor: Actor, input: CreateArticleInput): Promise<Article> {
  authorize(actor, 'kb.write');
  const data = parseInput(createArticleInput, input);
  const slug = data.slug ?? slugify(data.title);
  const prepared = await preparePassages(deps, data);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      const row = await trx
        .insertInto('kb_articles')
        .values({ slug, title: data.title, body: data.body, tags: data.tags, locale: data.locale, author_id: actor.id, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordVersion(trx, row, now);
      await storePassages(deps, trx, row, prepared);
      return toArticle(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(slug);
    throw error;
  }
}
