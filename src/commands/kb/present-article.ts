import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Article } from '../../core/kb/article.js';
import type { KbSearchHit } from '../../core/kb/search-kb.js';
import type { CliContext } from '../context.js';
import { readStdin } from '../io.js';
import { renderFields, renderTable, type Column } from '../output.js';

export const ARTICLE_COLUMNS: Column<Article>[] = [
  { header: 'slug', value: (a) => a.slug },
  { header: 'title', value: (a) => a.title },
  { header: 'status', value: (a) => a.status },
  { header: 'locale', value: (a) => a.locale },
  { header: 'v', value: (a) => a.version },
  { header: 'tags', value: (a) => a.tags.join(', ') },
  { header: 'updated', value: (a) => a.updatedAt.slice(0, 10) },
];
export const NO_ARTICLES = 'No articles. Staff add one with `nexus kb articles create --title TEXT --body-file FILE` or `nexus kb articles import DIR`.';

export const articleFields = (a: Article): string =>
  `${renderFields([
    ['id', a.id],
    ['slug', a.slug],
    ['title', a.title],
    ['status', a.status],
    ['locale', a.locale],
    ['version', a.version],
    ['tags', a.tags.join(', ')],
    ['published', a.publishedAt],
    ['updated', a.updatedAt],
  ])}\n\n${renderTable(a.body.split('\n').map((line) => ({ line })), [{ header: 'body', value: (r) => r.line }])}`;

export const hitsTable = (hits: KbSearchHit[], width?: number): string =>
  hits.length === 0
    ? 'No article matches.'
    : renderTable(
        hits,
        [
          { header: 'slug', value: (h) => h.article.slug },
          { header: 'title', value: (h) => h.article.title },
          { header: 'match', value: (h) => h.match.toFixed(2) },
          { header: 'passage', value: (h) => `${h.passage.heading ? `${h.passage.heading}: ` : ''}${h.passage.text}`.slice(0, 120) },
        ],
        width,
      );

/** `--body TEXT` or `--body-file PATH` (`-` reads standard input); undefined when neither is given. */
export async function bodyFrom(ctx: CliContext, flags: { body?: string; bodyFile?: string }): Promise<string | undefined> {
  if (flags.bodyFile === '-') return readStdin(ctx.io.stdin);
  if (flags.bodyFile) return readFile(resolve(flags.bodyFile), 'utf8');
  return flags.body;
}

export const tagList = (value: string | undefined): string[] | undefined => (value === undefined ? undefined : value.split(',').map((t) => t.trim()).filter(Boolean));
