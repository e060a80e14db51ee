import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Deps } from '../deps.js';
import type { ReferencePassage } from '../ai/context.js';
import { passageTokens } from './chunks.js';
import { embedderOf } from './embedder.js';
import { searchPassages } from './search-passages.js';

/** Passages at most in one prompt, whatever the budget. */
const MAX_PASSAGES = 5;

export interface Grounding {
  /** True when the desk has published articles: then a question without a good passage goes to a human. */
  kbInUse: boolean;
  /** Published passages above `kb.minScore`, best first, within `kb.contextTokens`. */
  passages: ReferencePassage[];
}

export const NO_GROUNDING: Grounding = { kbInUse: false, passages: [] };

export async function hasPublishedArticles(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('kb_articles').select('id').where('status', '=', 'published').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * What the AI may ground a reply in: the published passages that match the question well enough
 * (drafts never), token-budgeted. Only published text: never internal notes or other tickets.
 */
export async function findGrounding(deps: Deps, question: string): Promise<Grounding> {
  if (!(await hasPublishedArticles(deps.db))) return NO_GROUNDING;
  const { hits } = await searchPassages(deps.db, { q: question, includeDrafts: false, limit: MAX_PASSAGES * 2, embedder: await embedderOf(deps), fallbackLanguage: deps.config.search.language });
  const passages: ReferencePassage[] = [];
  let used = 0;
  for (const hit of hits) {
    if (hit.status !== 'published' || hit.match < deps.config.kb.minScore) continue;
    const tokens = passageTokens(hit);
    if (passages.length > 0 && used + tokens > deps.config.kb.contextTokens) continue;
    passages.push({ articleId: hit.articleId, slug: hit.slug, title: hit.title, heading: hit.heading, text: hit.body, match: hit.match });
    used += tokens;
    if (passages.length >= MAX_PASSAGES) break;
  }
  return { kbInUse: true, passages };
}
