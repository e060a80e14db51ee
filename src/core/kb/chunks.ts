import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { estimateTokens } from '../ai/context.js';
import { tryEmbed, type Embedder } from './embedder.js';
import { vectorCode, vectorBytes } from './vector-codec.js';

export interface Passage {
  heading: string | null;
  body: string;
}

/** About 180 tokens a passage: small enough to rank precisely, large enough to answer from. */
const MAX_CHARS = 720;

/**
 * Splits a Markdown body into passages: a new passage at each heading, paragraphs packed up to
 * MAX_CHARS (a longer paragraph is cut at sentence ends). Each passage remembers its heading.
 */
export function chunkMarkdown(body: string): Passage[] {
  const out: Passage[] = [];
  let heading: string | null = null;
  let current = '';
  const flush = () => {
    if (current.trim()) out.push({ heading, body: current.trim() });
    current = '';
  };
  const add = (piece: string) => {
    if (current && current.length + piece.length + 2 > MAX_CHARS) flush();
    current = current ? `${current}\n\n${piece}` : piece;
  };
  for (const block of body.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const text = block.trim();
    if (!text) continue;
    const lines = text.split('\n');
    const first = /^#{1,6}\s+(.+)$/.exec(lines[0]!);
    if (first) {
      flush();
      heading = first[1]!.replace(/#+\s*$/, '').trim();
      const rest = lines.slice(1).join('\n').trim();
      if (rest) add(rest);
      continue;
    }
    if (text.length <= MAX_CHARS) {
      add(text);
      continue;
    }
    for (const sentence of text.split(/(?<=[.!?])\s+/)) {
      for (let i = 0; i < sentence.length; i += MAX_CHARS) add(sentence.slice(i, i + MAX_CHARS));
    }
  }
  flush();
  return out;
}

export interface ChunkSource {
  id: string;
  title: string;
  body: string;
  tags: string[];
  locale: string;
  status: 'draft' | 'published';
}

/** The text embedded for a passage: what a question about it would be compared with. */
export const passageText = (article: Pick<ChunkSource, 'title'>, p: Passage): string => [article.title, p.heading, p.body].filter(Boolean).join('\n');

/**
 * Replaces an article's passages: a search document in the article's language (kb_chunk_document():
 * accent-folded; title and heading weigh most; `fallbackLanguage`, the desk's search.language, for a
 * locale Postgres has no stemmer for), and vectors when a model is configured and answered (none
 * otherwise: full text still works) with their sign bits for the pre-filter (kb_chunk_vectors).
 * Embeddings are computed by the caller (`embedPassages`) outside the transaction.
 */
export async function writeChunks(
  trx: Transaction<DB> | Kysely<DB>,
  article: ChunkSource,
  passages: Passage[],
  vectors: { model: string; vectors: number[][] } | null,
  fallbackLanguage: string,
): Promise<void> {
  await trx.deleteFrom('kb_chunks').where('article_id', '=', article.id).execute();
  if (passages.length === 0) return;
  const config = sql<string>`kb_locale_config(${article.locale}, ${fallbackLanguage})`;
  const rows = await trx
    .insertInto('kb_chunks')
    .values(
      passages.map((p, i) => ({
        article_id: article.id,
        ordinal: i,
        heading: p.heading,
        body: p.body,
        status: article.status,
        locale: article.locale,
        config,
        search_vector: sql`kb_chunk_document(${config}, ${article.title}, ${p.heading}, ${article.tags}::text[], ${p.body})`,
        embedding: vectors ? vectorBytes(vectors.vectors[i]!) : null,
        embedding_model: vectors ? vectors.model : null,
      })),
    )
    .returning(['id', 'ordinal'])
    .execute();
  if (!vectors) return;
  await trx
    .insertInto('kb_chunk_vectors')
    .values(rows.map((r) => ({ chunk_id: r.id, status: article.status, locale: article.locale, model: vectors.model, bits: sql`${vectorCode(vectors.vectors[r.ordinal]!)}::varbit` })))
    .execute();
}

/** Embeddings for the passages of several articles in one batch; null without a (working) model. */
export async function embedPassages(embedder: Embedder | null, articles: { article: Pick<ChunkSource, 'title'>; passages: Passage[] }[]): Promise<{ model: string; vectors: number[][] }[] | null> {
  if (!embedder) return null;
  const texts = articles.flatMap((a) => a.passages.map((p) => passageText(a.article, p)));
  const all = await tryEmbed(embedder, texts);
  if (!all) return null;
  let at = 0;
  return articles.map((a) => {
    const vectors = all.slice(at, at + a.passages.length);
    at += a.passages.length;
    return { model: embedder.model, vectors };
  });
}

export const passageTokens = (p: Passage): number => estimateTokens(`${p.heading ?? ''}\n${p.body}`);
