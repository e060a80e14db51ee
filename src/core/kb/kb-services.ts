import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { createArticle, type CreateArticleInput } from './create-article.js';
import { editArticle, type EditArticleInput } from './edit-article.js';
import { importArticles } from './import-articles.js';
import { getArticle, listArticles, listArticleVersions, type ListArticlesInput } from './list-articles.js';
import { setArticlePublished } from './publish-article.js';
import { removeArticle } from './remove-article.js';
import { searchKb, type SearchKbInput } from './search-kb.js';
import { listTicketCitations } from './citations.js';
import { similarTickets } from '../assist/similar-tickets.js';
import { suggestReply } from '../assist/suggest-reply.js';

/** The knowledge base's use cases; `actor` null is an anonymous reader (published articles only). */
export function kbServices(deps: Deps) {
  return {
    list: (actor: Actor | null, input?: ListArticlesInput) => listArticles(deps, actor, input),
    get: (actor: Actor | null, input: { article: string }) => getArticle(deps, actor, input),
    versions: (actor: Actor, input: { article: string }) => listArticleVersions(deps, actor, input),
    create: (actor: Actor, input: CreateArticleInput) => createArticle(deps, actor, input),
    edit: (actor: Actor, input: EditArticleInput) => editArticle(deps, actor, input),
    publish: (actor: Actor, input: { article: string }) => setArticlePublished(deps, actor, { ...input, published: true }),
    unpublish: (actor: Actor, input: { article: string }) => setArticlePublished(deps, actor, { ...input, published: false }),
    remove: (actor: Actor, input: { article: string }) => removeArticle(deps, actor, input),
    import: (actor: Actor, input: { dir: string; publish?: boolean }) => importArticles(deps, actor, input),
    search: (actor: Actor | null, input: SearchKbInput) => searchKb(deps, actor, input),
    /** The articles a ticket's AI replies cite (customers: published ones, as links). */
    citations: (actor: Actor, input: { ticket: number }) => listTicketCitations(deps, actor, input),
    /** Agent assist: a draft reply with citations (never sent or stored). */
    suggest: (actor: Actor, input: { ticket: number }) => suggestReply(deps, actor, input),
    /** Agent assist: resolved tickets like this one. */
    similar: (actor: Actor, input: { ticket: number; limit?: number }) => similarTickets(deps, actor, input),
  };
}
