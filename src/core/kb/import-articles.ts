import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { parseInput } from '../validation.js';
import { slugify, toArticle, type Article } from './article.js';
import { createArticleInput } from './create-article.js';
import { embedPassages, chunkMarkdown, writeChunks } from './chunks.js';
import { embedderOf } from './embedder.js';

export interface ImportResult {
  items: { file: string; article: Article; action: 'created' | 'updated' | 'unchanged' }[];
  nextCursor: null;
}

async function markdownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) out.push(...(await markdownFiles(path)));
    else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/**
 * Imports a folder of Markdown files (recursively). Front matter: `title` (else the first `# heading`,
 * else the file name), `slug` (else from the file name), `tags`, `locale`, `status: published|draft`
 * (`published: true` also works). An existing slug is updated as a new version when its content
 * changed. All files are checked first; one bad file imports nothing.
 */
export async function importArticles(deps: Deps, actor: Actor, input: { dir: string; publish?: boolean }): Promise<ImportResult> {
  authorize(actor, 'kb.write');
  let files: string[];
  try {
    files = await markdownFiles(input.dir);
  } catch {
    throw new NexusError('NOT_FOUND', `Folder ${input.dir} not found`);
  }
  // Loaded here, not at the top: gray-matter and js-yaml cost every CLI command ~110 ms of start-up.
  const { default: matter } = await import('gray-matter');
  const parsed: { file: string; data: ReturnType<typeof createArticleInput.parse> & { slug: string }; status: 'published' | 'draft' }[] = [];
  for (const file of files) {
    const name = relative(input.dir, file);
    const { data: fm, content } = matter(await readFile(file, 'utf8'));
    let body = content.trim();
    let title = typeof fm.title === 'string' ? fm.title : undefined;
    const h1 = /^#\s+(.+)\n?/.exec(body);
    if (!title && h1) {
      title = h1[1]!.trim();
      body = body.slice(h1[0].length).trim();
    }
    const tags = Array.isArray(fm.tags) ? fm.tags.map(String) : typeof fm.tags === 'string' ? fm.tags.split(',') : [];
    const status = fm.status === 'published' || fm.published === true || input.publish ? 'published' : 'draft';
    try {
      const data = parseInput(createArticleInput, { title: title ?? basename(file).replace(/\.\w+$/, ''), body, tags, locale: typeof fm.locale === 'string' ? fm.locale : undefined, slug: typeof fm.slug === 'string' ? fm.slug : slugify(basename(file).replace(/\.\w+$/, '')) });
      parsed.push({ file: name, data: { ...data, slug: data.slug! }, status: status as 'published' | 'draft' });
    } catch (error) {
      if (error instanceof NexusError) throw new NexusError('VALIDATION_FAILED', `${name}: ${error.message}`, { details: (error.details as { path: string; message: string }[] | undefined)?.map((d) => ({ path: `${name}:${d.path}`, message: d.message })) });
      throw error;
    }
  }
  const embedded = await embedPassages(await embedderOf(deps), parsed.map((p) => ({ article: p.data, passages: chunkMarkdown(p.data.body) })));
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const items: ImportResult['items'] = [];
    for (const [i, p] of parsed.entries()) {
      const existing = await trx.selectFrom('kb_articles').selectAll().where('slug', '=', p.data.slug).forUpdate().executeTakeFirst();
      const same = existing && existing.title === p.data.title && existing.body === p.data.body && existing.locale === p.data.locale && existing.tags.join(',') === p.data.tags.join(',') && existing.status === p.status;
      if (existing && same) {
        items.push({ file: p.file, article: toArticle(existing), action: 'unchanged' });
        continue;
      }
      const values = { title: p.data.title, body: p.data.body, tags: p.data.tags, locale: p.data.locale, status: p.status, author_id: actor.id, updated_at: now };
      const published_at = p.status === 'published' ? (existing?.published_at ?? now) : null;
      const row = existing
        ? await trx.updateTable('kb_articles').set({ ...values, published_at, version: existing.version + 1 }).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow()
        : await trx.insertInto('kb_articles').values({ ...values, slug: p.data.slug, published_at, created_at: now }).returningAll().executeTakeFirstOrThrow();
      await trx.insertInto('kb_article_versions').values({ article_id: row.id, version: row.version, title: row.title, body: row.body, tags: row.tags, locale: row.locale, author_id: actor.id, created_at: now }).execute();
      await writeChunks(trx, row, chunkMarkdown(row.body), embedded?.[i] ?? null, deps.config.search.language);
      items.push({ file: p.file, article: toArticle(row), action: existing ? 'updated' : 'created' });
    }
    return { items, nextCursor: null };
  });
}
