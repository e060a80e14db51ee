import type { Transaction } from 'kysely';
import { isStaff, type Actor } from '../access/permissions.js';
import type { ReferencePassage } from '../ai/context.js';
import type { DB } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { loadTicket } from '../tickets/ticket.js';

export interface CitedArticle {
  articleId: string;
  slug: string;
  title: string;
}

/** The model's cited ids that were really among the passages it was given (others are dropped). */
export function citedArticles(ids: string[], references: ReferencePassage[]): CitedArticle[] {
  const out: CitedArticle[] = [];
  for (const id of ids) {
    const ref = references.find((r) => r.articleId === id.trim());
    if (ref && !out.some((c) => c.articleId === ref.articleId)) out.push({ articleId: ref.articleId, slug: ref.slug, title: ref.title });
  }
  return out;
}

export async function storeCitations(trx: Transaction<DB>, messageId: string, citations: CitedArticle[]): Promise<void> {
  if (citations.length === 0) return;
  await trx
    .insertInto('message_citations')
    .values(citations.map((c) => ({ message_id: messageId, article_id: c.articleId })))
    .execute();
}

export interface TicketCitation {
  messageId: string;
  article: { id: string; slug: string; title: string; status: 'draft' | 'published'; url: string | null };
}

/**
 * The articles the AI replies of a ticket cite, oldest reply first. Staff see every citation; the
 * ticket's customer sees those whose article is published, as links (`url`) to the public article.
 */
export async function listTicketCitations(deps: Deps, actor: Actor, input: { ticket: number }): Promise<{ items: TicketCitation[]; nextCursor: null }> {
  const ticket = await loadTicket(deps.db, actor, input.ticket, 'ticket.view');
  let query = deps.db
    .selectFrom('message_citations')
    .innerJoin('messages', 'messages.id', 'message_citations.message_id')
    .innerJoin('kb_articles', 'kb_articles.id', 'message_citations.article_id')
    .select(['messages.id as message_id', 'kb_articles.id', 'kb_articles.slug', 'kb_articles.title', 'kb_articles.status'])
    .where('messages.ticket_id', '=', ticket.id)
    .where('messages.kind', '=', 'ai');
  if (!isStaff(actor)) query = query.where('kb_articles.status', '=', 'published');
  const rows = await query.orderBy('messages.created_at').orderBy('kb_articles.slug').execute();
  return {
    items: rows.map((r) => ({
      messageId: r.message_id,
      article: { id: r.id, slug: r.slug, title: r.title, status: r.status, url: r.status === 'published' ? `/v1/kb/articles/${r.slug}` : null },
    })),
    nextCursor: null,
  };
}
