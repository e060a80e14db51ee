import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { localeSchema, seesDrafts } from './article.js';
import { embedderOf } from './embedder.js';
import { searchPassages } from './search-passages.js';

export const searchKbInput = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(1000),
  locale: localeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  drafts: z.boolean().default(false),
});
export type SearchKbInput = z.input<typeof searchKbInput>;

export interface KbSearchHit {
  article: { id: string; slug: string; title: string; locale: string; status: 'draft' | 'published' };
  /** Fused rank score (relative to this search). */
  score: number;
  /** 0–1 match of the best passage (see search-passages.ts). */
  match: number;
  passage: { heading: string | null; text: string };
}

/**
 * Searches the knowledge base; one hit per article (its best passage). Customers and anonymous readers
 * search published articles only; staff may add drafts. `mode` says whether vectors took part.
 */
export async function searchKb(deps: Deps, actor: Actor | null, input: SearchKbInput): Promise<{ items: KbSearchHit[]; nextCursor: null; mode: 'fulltext' | 'hybrid' }> {
  const data = parseInput(searchKbInput, input);
  const { hits, mode } = await searchPassages(deps.db, {
    q: data.q,
    locale: data.locale,
    includeDrafts: data.drafts && seesDrafts(actor),
    limit: data.limit,
    embedder: await embedderOf(deps),
    fallbackLanguage: deps.config.search.language,
  });
  const seen = new Set<string>();
  const items: KbSearchHit[] = [];
  for (const h of hits) {
    if (seen.has(h.articleId)) continue;
    seen.add(h.articleId);
    items.push({
      article: { id: h.articleId, slug: h.slug, title: h.title, locale: h.locale, status: h.status },
      score: Number(h.score.toFixed(6)),
      match: Number(h.match.toFixed(4)),
      passage: { heading: h.heading, text: h.body },
    });
    if (items.length >= data.limit) break;
  }
  return { items, nextCursor: null, mode };
}
